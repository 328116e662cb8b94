package net.defarm.adapters.http.backends;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.backends.AdapterConfigurations;
import net.defarm.application.shared.Page;
import net.defarm.domain.backends.AdapterConfig;
import net.defarm.domain.backends.ConnectionDetails;
import net.defarm.domain.backends.ContractConfigs;

/**
 * {@code /api/admin/adapters}: administrators manage adapter configurations. Answers never carry a secret: only
 * whether an api_key or secret_key is stored, and custom header names with a masked value.
 */
public final class AdminAdapterRoutes implements HttpService {

    static final String MASK = "********";

    record CreateBody(String name, String description, String adapterType,
                      AdapterConfigurations.ConnectionInput connectionDetails, ContractConfigs contractConfigs) {
    }

    record UpdateBody(String name, String description, AdapterConfigurations.ConnectionInput connectionDetails,
                      ContractConfigs contractConfigs, Boolean isActive) {
    }

    record ConnectionView(String endpoint, String authType, int timeoutMs, int retryAttempts,
                          int maxConcurrentRequests, boolean hasApiKey, boolean hasSecretKey,
                          Map<String, String> customHeaders) {
        static ConnectionView of(ConnectionDetails c) {
            Map<String, String> headers = new LinkedHashMap<>();
            c.sealedHeaders().keySet().forEach(name -> headers.put(name, MASK));
            return new ConnectionView(c.endpoint(), c.authType(), c.timeoutMs(), c.retryAttempts(),
                    c.maxConcurrentRequests(), c.sealedApiKey() != null, c.sealedSecretKey() != null, headers);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ConfigView(String configId, String name, String description, String adapterType,
                      ConnectionView connectionDetails, ContractConfigs contractConfigs, boolean isActive,
                      boolean isDefault, String createdBy, String createdAt, String updatedAt) {
        static ConfigView of(AdapterConfig c) {
            return new ConfigView(c.configId().toString(), c.name(), c.description(), c.adapterType().wireName(),
                    ConnectionView.of(c.connection()), c.contractConfigs(), c.active(), c.isDefault(), c.createdBy(),
                    c.createdAt().toString(), c.updatedAt().toString());
        }
    }

    record ListView(boolean success, List<ConfigView> configs, int count) {
    }

    record ConfigAnswer(boolean success, String message, ConfigView config) {
    }

    record Done(boolean success, String message) {
    }

    private final AdapterConfigurations configurations;
    private final HttpJson json;

    public AdminAdapterRoutes(AdapterConfigurations configurations, HttpJson json) {
        this.configurations = configurations;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/adapters", this::list)
                .post("/adapters", this::create)
                .get("/adapters/{config_id}", this::get)
                .put("/adapters/{config_id}", this::update)
                .delete("/adapters/{config_id}", this::delete)
                .post("/adapters/{config_id}/set-default", this::setDefault);
    }

    private static UUID id(ServerRequest req) {
        return Requests.uuidPath(req, "config_id", "adapter configuration ID");
    }

    private void list(ServerRequest req, ServerResponse res) {
        Page<AdapterConfig> page = configurations.list(Caller.of(req), Requests.boolQuery(req, "active_only", false),
                Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, new ListView(true, page.items().stream().map(ConfigView::of).toList(), page.items().size()));
    }

    private void create(ServerRequest req, ServerResponse res) {
        CreateBody b = json.read(req, CreateBody.class);
        AdapterConfig created = configurations.create(Caller.of(req), new AdapterConfigurations.Create(b.name(),
                b.description(), b.adapterType(), b.connectionDetails(), b.contractConfigs()));
        json.ok(res, new ConfigAnswer(true, "Adapter configuration created successfully", ConfigView.of(created)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        json.ok(res, new ConfigAnswer(true, null, ConfigView.of(configurations.get(Caller.of(req), id(req)))));
    }

    private void update(ServerRequest req, ServerResponse res) {
        UUID id = id(req);
        UpdateBody b = json.read(req, UpdateBody.class);
        AdapterConfig changed = configurations.update(Caller.of(req), id, new AdapterConfigurations.Update(b.name(),
                b.description(), b.connectionDetails(), b.contractConfigs(), b.isActive()));
        json.ok(res, new ConfigAnswer(true, "Adapter configuration updated successfully", ConfigView.of(changed)));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        configurations.delete(Caller.of(req), id(req));
        json.ok(res, new Done(true, "Adapter configuration deleted successfully"));
    }

    private void setDefault(ServerRequest req, ServerResponse res) {
        AdapterConfig chosen = configurations.setDefault(Caller.of(req), id(req));
        json.ok(res, new ConfigAnswer(true, "Default adapter set successfully", ConfigView.of(chosen)));
    }
}
