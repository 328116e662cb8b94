package net.defarm.bootstrap.http.golden;

/** Storage adapters: the caller's adapters, a choice, templates, status and health; administrators' configurations. */
final class AdapterSteps implements Scenario.Steps {

    private static final String CONFIG = "{\"name\":\"%s\",\"description\":\"Pinning service\",\"adapter_type\":"
            + "\"ipfs-ipfs\",\"connection_details\":{\"endpoint\":\"https://ipfs.example\",\"api_key\":\"k-123\","
            + "\"custom_headers\":{\"X-Tenant\":\"farm\"}},\"contract_configs\":{\"network\":\"testnet\"}}";

    @Override
    public void play(Scene s) {
        Scene.Who operator = s.administrator("adapter-admin");
        Scene.Who farmer = s.user("adapter-user");
        // A health check names the content store, which is the store mode's own unless one is configured.
        s.alias("content store '" + s.store() + "'", "content store '<store>'");
        String id = s.as(operator).post("/api/admin/adapters", CONFIG.formatted("golden-ipfs")).body()
                .path("config").path("config_id").asText();
        s.as(operator).expect(409).post("/api/admin/adapters", CONFIG.formatted("golden-ipfs"));
        s.as(farmer).expect(403).get("/api/admin/adapters");
        s.as(operator).get("/api/admin/adapters");
        s.as(operator).get("/api/admin/adapters/{config_id}", id);
        s.as(operator).expect(404).get("/api/admin/adapters/{config_id}", "00000000-0000-4000-8000-000000000000");
        s.as(operator).put("/api/admin/adapters/{config_id}", "{\"description\":\"Pinned\",\"connection_details\":"
                + "{\"api_key\":\"\"}}", id);
        s.as(operator).post("/api/admin/adapters/{config_id}/set-default", "{}", id);
        s.as(operator).expect(409).delete("/api/admin/adapters/{config_id}", id);
        String spare = s.api.post("/api/admin/adapters", operator.token(), CONFIG.formatted("golden-spare")).body()
                .path("config").path("config_id").asText();
        s.as(operator).delete("/api/admin/adapters/{config_id}", spare);

        s.as(farmer).get("/api/adapters");
        s.as(farmer).post("/api/adapters/select", "{\"adapter_type\":\"ipfs-ipfs\"}");
        s.as(farmer).expect(403).post("/api/adapters/select", "{\"adapter_type\":\"stellar_mainnet-ipfs\"}");
        s.as(farmer).get("/api/adapters/templates");
        s.as(farmer).get("/api/adapters/{adapter_type}/status", "ipfs-ipfs");
        s.as(farmer).expect(400).get("/api/adapters/{adapter_type}/status", "floppy");
        s.as(farmer).get("/api/adapters/{adapter_type}/health", "ipfs-ipfs");
    }
}
