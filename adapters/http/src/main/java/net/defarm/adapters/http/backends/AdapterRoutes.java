package net.defarm.adapters.http.backends;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.backends.StorageAdapters;
import net.defarm.application.backends.BackendCheck;
import net.defarm.domain.backends.AdapterCatalog;

/**
 * {@code /api/adapters}: the storage adapters the caller may use, checking a choice against them, the templates,
 * and each adapter's configuration status and live backend health.
 */
public final class AdapterRoutes implements HttpService {

    record SelectBody(String adapterType) {
    }

    record AdapterView(String adapterType, String name, String description, String itemStorage, String eventStorage,
                       boolean requiresBlockchain, boolean available) {
        static AdapterView of(AdapterCatalog.Entry e) {
            return new AdapterView(e.type().wireName(), e.type().wireName(), e.description(), e.itemStorage(),
                    e.eventStorage(), e.requiresBlockchain(), true);
        }
    }

    record ListView(boolean success, List<AdapterView> adapters, String userId, String tier,
                    boolean usingCustomAdapters, int count) {
    }

    record SelectView(boolean success, String message, String userId, String adapterType, String description,
                      boolean stored, String checkedAt) {
    }

    record TemplateView(String description, String cost, String scalability, String decentralization,
                        String useCase) {
    }

    record TemplatesView(boolean success, Map<String, TemplateView> templates) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BackendView(String backend, String role, boolean configured, boolean healthy, String detail,
                       String checkedAt) {
        static List<BackendView> of(List<BackendCheck> checks) {
            return checks.stream().map(c -> new BackendView(c.backend(), c.role(), c.configured(), c.healthy(),
                    c.detail(), c.checkedAt().toString())).toList();
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatusDetail(String description, int activeConfigurations, String defaultConfigId,
                        List<BackendView> backends) {
    }

    record StatusView(boolean success, String adapterType, StatusDetail status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HealthView(boolean success, String adapterType, boolean healthy, String error, List<BackendView> backends,
                      String checkedAt) {
    }

    private final StorageAdapters adapters;
    private final HttpJson json;

    public AdapterRoutes(StorageAdapters adapters, HttpJson json) {
        this.adapters = adapters;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/select", this::select)
                .get("/templates", this::templates)
                .get("/{adapter_type}/status", this::status)
                .get("/{adapter_type}/health", this::health);
    }

    private void list(ServerRequest req, ServerResponse res) {
        StorageAdapters.Listing l = adapters.list(Caller.of(req));
        json.ok(res, new ListView(true, l.adapters().stream().map(AdapterView::of).toList(), l.user().userId(),
                l.user().tier().display(), l.custom(), l.adapters().size()));
    }

    private void select(ServerRequest req, ServerResponse res) {
        SelectBody body = json.read(req, SelectBody.class);
        StorageAdapters.Selection s = adapters.select(Caller.of(req), body.adapterType());
        json.ok(res, new SelectView(true, "Adapter is available for your account", s.userId(),
                s.adapter().type().wireName(), s.adapter().description(), false, s.checkedAt().toString()));
    }

    private void templates(ServerRequest req, ServerResponse res) {
        Map<String, TemplateView> templates = new LinkedHashMap<>();
        for (AdapterCatalog.Template t : adapters.templates()) {
            templates.put(t.name(), new TemplateView(t.description(), t.cost(), t.scalability(),
                    t.decentralization(), t.useCase()));
        }
        json.ok(res, new TemplatesView(true, templates));
    }

    private void status(ServerRequest req, ServerResponse res) {
        StorageAdapters.Status s = adapters.status(Requests.path(req, "adapter_type"));
        json.ok(res, new StatusView(true, s.adapter().type().wireName(), new StatusDetail(s.adapter().description(),
                s.activeConfigurations(), s.defaultConfig().map(Object::toString).orElse(null),
                BackendView.of(s.backends()))));
    }

    private void health(ServerRequest req, ServerResponse res) {
        StorageAdapters.Health h = adapters.health(Requests.path(req, "adapter_type"));
        json.ok(res, new HealthView(h.healthy(), h.adapter().type().wireName(), h.healthy(), h.problem(),
                BackendView.of(h.backends()), h.checkedAt().toString()));
    }
}
