package net.defarm.adapters.http.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.integrity.SnapshotQueries;
import net.defarm.application.shared.Actor;
import net.defarm.domain.integrity.SnapshotChain;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/**
 * An item's snapshot chain: signed in at {@code /items/{dfid}/snapshots}, anonymously for
 * published items at {@code /api/public/snapshots/items/{dfid}/snapshots}. The anonymous routes never show a
 * snapshot's state, only the chain's hashes and operations.
 */
public final class SnapshotRoutes implements HttpService {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SnapshotView(String snapshotId, String entityType, String entityId, long version, String parentHash,
                        JsonObject operation, String operationDescription, String timestamp, String createdBy) {
        static SnapshotView of(StateSnapshot s) {
            Map<String, JsonValue> op = new LinkedHashMap<>();
            op.put("type", JsonValue.of(s.operation().type()));
            op.putAll(s.operation().fields());
            return new SnapshotView(s.snapshotId(), s.entityType().text(), s.entityId(), s.version(), s.parentHash(),
                    JsonObject.of(op), s.operation().description(), s.timestamp().toString(), s.createdBy());
        }
    }

    record ChainView(String entityId, String entityType, long totalSnapshots, long latestVersion,
                     List<SnapshotView> snapshots) {
    }

    record DetailView(SnapshotView snapshot, JsonObject state) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record VerificationView(String dfid, boolean isValid, int totalSnapshots, int verifiedSnapshots,
                            List<String> brokenLinks, List<String> tamperedHashes) {
    }

    private final SnapshotQueries snapshots;
    private final boolean anonymous;
    private final HttpJson json;

    /** Signed-in routes, or the anonymous ones ({@code anonymous}: mounted under the public prefix). */
    public SnapshotRoutes(SnapshotQueries snapshots, boolean anonymous, HttpJson json) {
        this.snapshots = snapshots;
        this.anonymous = anonymous;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{dfid}/snapshots", this::list)
                .get("/{dfid}/snapshots/latest", this::latest)
                .get("/{dfid}/snapshots/verify", this::verify);
        if (!anonymous) {
            rules.get("/{dfid}/snapshots/{snapshot_id}", this::detail);
        }
    }

    private void list(ServerRequest req, ServerResponse res) {
        String dfid = Requests.path(req, "dfid");
        SnapshotQueries.ChainPage chain = snapshots.list(Caller.optional(req).orElse(null), dfid, Paging.of(req));
        Paging.headers(req, res, chain.page());
        json.ok(res, Envelope.of(new ChainView(dfid, "item", chain.total(), chain.total(),
                chain.page().items().stream().map(SnapshotView::of).toList())));
    }

    private void latest(ServerRequest req, ServerResponse res) {
        json.ok(res, Envelope.of(SnapshotView.of(snapshots.latest(Caller.optional(req).orElse(null),
                Requests.path(req, "dfid")))));
    }

    private void detail(ServerRequest req, ServerResponse res) {
        StateSnapshot s = snapshots.get(Caller.optional(req).orElse(null), Requests.path(req, "dfid"),
                Requests.path(req, "snapshot_id"));
        json.ok(res, Envelope.of(new DetailView(SnapshotView.of(s), s.state())));
    }

    private void verify(ServerRequest req, ServerResponse res) {
        String dfid = Requests.path(req, "dfid");
        SnapshotChain.Verification v = snapshots.verify(Caller.optional(req).orElse(null), dfid);
        json.ok(res, Envelope.of(new VerificationView(dfid, v.valid(), v.total(), v.verified(), v.brokenLinks(),
                v.tamperedHashes())));
    }
}
