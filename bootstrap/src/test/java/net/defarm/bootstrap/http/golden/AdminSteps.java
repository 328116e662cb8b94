package net.defarm.bootstrap.http.golden;

/**
 * Administration: opening an account (its initial credits are a ledger Grant), reading and changing it, freezing,
 * the dashboard and the record of admin actions. Runs last, so the dashboard counts the whole scenario.
 */
final class AdminSteps implements Scenario.Steps {

    private static final String OPENED = "{\"username\":\"golden-opened\",\"email\":\"golden-opened@example.com\","
            + "\"password\":\"Str0ng!Pass\",\"tier\":\"Professional\",\"initial_credits\":250}";

    @Override
    public void play(Scene s) {
        Scene.Who admin = s.administrator("admin");
        Scene.Who plain = s.user("not-admin");
        String opened = s.as(admin).post("/api/admin/users", OPENED).text("user_id");
        s.alias(opened, "<user:opened>");
        s.as(admin).expect(409).post("/api/admin/users", OPENED);
        s.as(plain).expect(403).post("/api/admin/users", OPENED);

        s.as(admin).get("/api/admin/users?username=golden-opened");
        s.as(plain).expect(403).get("/api/admin/users");
        s.as(admin).get("/api/admin/users/{user_id}", opened);
        s.as(admin).expect(404).get("/api/admin/users/{user_id}", "user-unknown");
        s.as(admin).put("/api/admin/users/{user_id}", "{\"tier\":\"Enterprise\",\"available_adapters\":"
                + "[\"ipfs-ipfs\"]}", opened);
        s.as(admin).expect(400).put("/api/admin/users/{user_id}", "{\"credits\":5}", opened);
        s.as(admin).put("/api/admin/users/{user_id}/freeze", "{}", opened);
        s.as(admin).expect(409).put("/api/admin/users/{user_id}/freeze", "{}", admin.id());
        s.as(admin).put("/api/admin/users/{user_id}/unfreeze", "{}", opened);

        s.as(admin).get("/api/admin/dashboard/stats");
        s.as(plain).expect(403).get("/api/admin/dashboard/stats");
        s.as(admin).get("/api/admin/actions?admin_id={admin_id}&limit=2", admin.id());
    }
}
