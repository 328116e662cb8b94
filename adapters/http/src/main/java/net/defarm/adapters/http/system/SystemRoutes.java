package net.defarm.adapters.http.system;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.List;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.application.system.SystemStatus;

/** {@code /}, {@code /health} and {@code /health/db} with the reference's shapes. */
public final class SystemRoutes implements HttpService {

    record ServiceInfo(String name, String version, String description, List<String> features) {
    }

    record Liveness(String status, String timestamp, String uptime) {
    }

    record Database(String status, String message, String timestamp) {
    }

    record DatabaseHealth(Database database) {
    }

    private final SystemStatus status;
    private final HttpJson json;
    private final String version;

    public SystemRoutes(SystemStatus status, HttpJson json, String version) {
        this.status = status;
        this.json = json;
        this.version = version;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::info)
                .get("/health", this::health)
                .get("/health/db", this::database);
    }

    private void info(ServerRequest req, ServerResponse res) {
        json.ok(res, new ServiceInfo("DeFarm Traceability API", version,
                "Traceability of items (animals, lots, harvests) under global DFIDs, with events and proofs",
                List.of("items", "identifiers", "entity_resolution", "pending_items", "local_items", "events",
                        "event_deduplication", "jwt_auth", "keyset_pagination", "health_and_metrics")));
    }

    /** Liveness only: answers 200 whenever the process serves requests, database or not. */
    private void health(ServerRequest req, ServerResponse res) {
        json.ok(res, new Liveness("healthy", Instant.now().toString(), "System operational"));
    }

    private void database(ServerRequest req, ServerResponse res) {
        SystemStatus.Database report = status.database();
        json.send(res, report.connected() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, new DatabaseHealth(
                new Database(report.state(), report.message(), report.checkedAt().toString())));
    }
}
