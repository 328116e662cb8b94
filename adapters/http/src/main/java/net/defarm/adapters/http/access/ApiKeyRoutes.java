package net.defarm.adapters.http.access;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.identity.ApiKeys;
import net.defarm.domain.access.ApiKey;
import net.defarm.domain.access.ApiKeyPermissions;

/**
 * {@code /api/api-keys}: a user's keys for machines. The full key appears once, in the answer to its creation;
 * afterwards only its first characters ({@code key_prefix}) are shown.
 */
public final class ApiKeyRoutes implements HttpService {

    static final String WARNING = "Save this API key securely. You won't be able to see it again.";

    record PermissionsBody(Boolean read, Boolean write, Boolean admin, Map<String, Boolean> custom) {
        ApiKeyPermissions toPermissions() {
            return new ApiKeyPermissions(Requests.required(read, "permissions.read"),
                    Requests.required(write, "permissions.write"), Requests.required(admin, "permissions.admin"),
                    custom);
        }
    }

    record CreateBody(String name, String organizationType, String organizationId, PermissionsBody permissions,
                      List<String> allowedEndpoints, Integer rateLimitPerHour, Long expiresInDays, String notes,
                      List<String> allowedIps) {
    }

    record UpdateBody(String name, PermissionsBody permissions, Boolean isActive, Integer rateLimitPerHour,
                      String notes) {
    }

    record MetadataView(String id, String name, String keyPrefix, String organizationType, String organizationId,
                        ApiKeyPermissions permissions, boolean isActive, String lastUsedAt, long usageCount,
                        int rateLimitPerHour, String createdAt, String expiresAt, List<String> allowedEndpoints,
                        List<String> allowedIps, String notes) {
        static MetadataView of(ApiKey k) {
            return new MetadataView(k.id().toString(), k.name(), k.keyPrefix(), k.organizationType().name(),
                    k.organizationId(), k.permissions(), k.active(), text(k.lastUsedAt()), k.usageCount(),
                    k.rateLimitPerHour(), k.createdAt().toString(), text(k.expiresAt()), k.allowedEndpoints(),
                    k.allowedIps(), k.notes());
        }
    }

    record CreatedView(String apiKey, MetadataView metadata, String warning) {
        @Override
        public String toString() {
            return "CreatedView[" + metadata.id() + "]";
        }
    }

    record ListEntry(MetadataView metadata) {
    }

    record DayView(String date, long requests, long errors) {
    }

    record UsageView(long totalRequests, long successfulRequests, long failedRequests, double avgResponseTimeMs,
                     String lastUsedAt, List<DayView> dailyUsage) {
    }

    private final ApiKeys keys;
    private final HttpJson json;

    public ApiKeyRoutes(ApiKeys keys, HttpJson json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .get("/", this::list)
                .get("/{key_id}", this::get)
                .patch("/{key_id}", this::update)
                .delete("/{key_id}", this::delete)
                .post("/{key_id}/revoke", this::revoke)
                .get("/{key_id}/usage", this::usage);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static UUID id(ServerRequest req) {
        return Requests.uuidPath(req, "key_id", "API key ID");
    }

    private void create(ServerRequest req, ServerResponse res) {
        CreateBody b = json.read(req, CreateBody.class);
        ApiKeys.Created created = keys.create(Caller.of(req), new ApiKeys.Create(b.name(), b.organizationType(),
                b.organizationId(), b.permissions() == null ? null : b.permissions().toPermissions(),
                b.allowedEndpoints(), b.rateLimitPerHour(), b.expiresInDays(), b.notes(), b.allowedIps()));
        json.ok(res, new CreatedView(created.plaintext(), MetadataView.of(created.key()), WARNING));
    }

    private void list(ServerRequest req, ServerResponse res) {
        boolean inactive = Requests.boolQuery(req, "include_inactive", false);
        json.ok(res, keys.list(Caller.of(req), inactive).stream().map(k -> new ListEntry(MetadataView.of(k)))
                .toList());
    }

    private void get(ServerRequest req, ServerResponse res) {
        json.ok(res, MetadataView.of(keys.get(Caller.of(req), id(req))));
    }

    private void update(ServerRequest req, ServerResponse res) {
        UUID id = id(req);
        UpdateBody b = json.read(req, UpdateBody.class);
        json.ok(res, MetadataView.of(keys.update(Caller.of(req), id, new ApiKeys.Update(b.name(),
                b.permissions() == null ? null : b.permissions().toPermissions(), b.isActive(),
                b.rateLimitPerHour(), b.notes()))));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        keys.delete(Caller.of(req), id(req));
        res.status(Status.NO_CONTENT_204).send();
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        json.ok(res, MetadataView.of(keys.revoke(Caller.of(req), id(req))));
    }

    private void usage(ServerRequest req, ServerResponse res) {
        UUID id = id(req);
        int days = Requests.intQuery(req, "days").orElse(7);
        ApiKeys.Usage u = keys.usage(Caller.of(req), id, days);
        json.ok(res, new UsageView(u.totalRequests(), u.successfulRequests(), u.failedRequests(),
                u.avgResponseTimeMs(), text(u.lastUsedAt()), u.daily().stream()
                .map(d -> new DayView(d.day().toString(), d.requests(), d.errors()))
                .toList()));
    }
}
