package net.defarm.adapters.http.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.history.StorageHistory;
import net.defarm.domain.history.StorageStatistics;
import net.defarm.application.shared.Actor;
import net.defarm.domain.history.StorageLocation;
import net.defarm.domain.history.StorageRecord;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * {@code /api/storage-history}: where an item's states were stored, its locations, the caller's statistics, marking
 * a primary location and migrating the latest state to another adapter. Mounted anonymously under
 * {@code /api/public/storage-history} with only the history read, for items a public circuit publishes.
 */
public final class StorageHistoryRoutes implements HttpService {

    record MigrateBody(String targetAdapterType, String circuitId, String userId) {
    }

    record MigrationView(boolean success, String status, String dfid, String targetAdapter, String circuitId,
                         String messageId, String sourceCid, long sourceSequence, String queuedAt, String note) {
    }

    record PrimaryView(boolean success, String dfid, Map<String, Object> primary, long timelineSequence) {
    }

    record LocationsView(boolean success, String dfid, List<Map<String, Object>> locations, int count) {
    }

    record StatisticsView(long totalItemsTracked, long totalStorageLocations, Map<String, Long> adapterDistribution,
                          long migrationCount, String generatedAt) {
    }

    record StatisticsEnvelope(boolean success, StatisticsView statistics) {
    }

    private final StorageHistory history;
    private final boolean anonymous;
    private final HttpJson json;

    /** Signed-in routes, or the anonymous read ({@code anonymous}: mounted under the public prefix). */
    public StorageHistoryRoutes(StorageHistory history, boolean anonymous, HttpJson json) {
        this.history = history;
        this.anonymous = anonymous;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        if (anonymous) {
            rules.get("/{dfid}", this::read);
            return;
        }
        // The static segment before /{dfid}.
        rules.get("/statistics", this::statistics)
                .get("/{dfid}", this::read)
                .get("/{dfid}/locations", this::locations)
                .post("/{dfid}/migrate", this::migrate)
                .post("/{dfid}/primary", this::primary);
    }

    private Actor actor(ServerRequest req) {
        return anonymous ? null : Caller.of(req);
    }

    private void read(ServerRequest req, ServerResponse res) {
        String dfid = Requests.path(req, "dfid");
        StorageHistory.HistoryPage page = history.history(actor(req), dfid, Paging.of(req));
        Paging.headers(req, res, page.page());
        json.ok(res, Envelope.of(HistoryViews.HistoryView.of(dfid, page)));
    }

    private void locations(ServerRequest req, ServerResponse res) {
        String dfid = Requests.path(req, "dfid");
        StorageHistory.HistoryPage page = history.history(Caller.of(req), dfid, Paging.of(req));
        Set<StorageLocation> distinct = new LinkedHashSet<>();
        page.page().items().forEach(r -> distinct.addAll(StorageLocation.all(r)));
        Paging.headers(req, res, page.page());
        json.ok(res, new LocationsView(true, dfid, distinct.stream().map(HistoryViews::location).toList(),
                distinct.size()));
    }

    private void statistics(ServerRequest req, ServerResponse res) {
        StorageStatistics s = history.statistics(Caller.of(req));
        json.ok(res, new StatisticsEnvelope(true, new StatisticsView(s.itemsTracked(), s.records(), s.perAdapter(),
                s.migrations(), Instant.now().toString())));
    }

    private void migrate(ServerRequest req, ServerResponse res) {
        String dfid = Requests.path(req, "dfid");
        Actor actor = Caller.of(req);
        MigrateBody b = json.read(req, MigrateBody.class);
        String target = Requests.required(b.targetAdapterType(), "target_adapter_type");
        var circuitId = Requests.uuid(Requests.required(b.circuitId(), "circuit_id"), "circuit_id");
        if (b.userId() != null && !b.userId().equals(actor.userId())) {
            throw new PermissionDeniedException("ACTOR_MISMATCH",
                    "Permission denied: a migration acts as the authenticated user; the body names someone else");
        }
        StorageHistory.Migration m = history.migrate(actor, dfid, target, circuitId);
        StorageRecord source = m.source();
        json.send(res, Status.ACCEPTED_202, new MigrationView(true, "queued", dfid, m.target().wireName(),
                m.circuitId().toString(), m.messageId().toString(), source.cid().value(), source.timelineSequence(),
                m.queuedAt().toString(), "The latest stored state is copied to the target adapter by the outbox "
                        + "dispatcher; it appears in the storage history with operation_type \"migration\""));
    }

    private void primary(ServerRequest req, ServerResponse res) {
        String dfid = Requests.path(req, "dfid");
        JsonNode body = json.readTree(req);
        if (!body.isObject() || !body.has("storage_location")) {
            throw new InvalidInputException("MISSING_FIELD", "storage_location is required");
        }
        StorageRecord marked = history.markPrimary(Caller.of(req), dfid,
                HistoryViews.readLocation(body.get("storage_location")));
        json.ok(res, new PrimaryView(true, dfid, HistoryViews.location(StorageLocation.main(marked)),
                marked.timelineSequence()));
    }
}
