package net.defarm.adapters.http.integrity;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.UUID;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.integrity.SnapshotRoutes.ChainView;
import net.defarm.adapters.http.integrity.SnapshotRoutes.DetailView;
import net.defarm.adapters.http.integrity.SnapshotRoutes.SnapshotView;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.integrity.SnapshotQueries;
import net.defarm.domain.integrity.StateSnapshot;

/**
 * A circuit's snapshot chain at {@code /circuits/{circuit_id}/snapshots} (the reference's root mount, without
 * {@code /api}), in the shapes of the item routes. Members only: for anyone else the circuit does not exist.
 */
public final class CircuitSnapshotRoutes implements HttpService {

    private final SnapshotQueries snapshots;
    private final HttpJson json;

    public CircuitSnapshotRoutes(SnapshotQueries snapshots, HttpJson json) {
        this.snapshots = snapshots;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{circuit_id}/snapshots", this::list)
                .get("/{circuit_id}/snapshots/latest", this::latest)
                .get("/{circuit_id}/snapshots/{snapshot_id}", this::detail);
    }

    private static UUID id(ServerRequest req) {
        return Requests.uuidPath(req, "circuit_id", "circuit ID");
    }

    private void list(ServerRequest req, ServerResponse res) {
        UUID id = id(req);
        SnapshotQueries.ChainPage chain = snapshots.listCircuit(Caller.of(req), id, Paging.of(req));
        Paging.headers(req, res, chain.page());
        json.ok(res, Envelope.of(new ChainView(id.toString(), "circuit", chain.total(), chain.total(),
                chain.page().items().stream().map(SnapshotView::of).toList())));
    }

    private void latest(ServerRequest req, ServerResponse res) {
        json.ok(res, Envelope.of(SnapshotView.of(snapshots.latestCircuit(Caller.of(req), id(req)))));
    }

    private void detail(ServerRequest req, ServerResponse res) {
        UUID id = id(req);
        StateSnapshot s = snapshots.getCircuit(Caller.of(req), id, Requests.path(req, "snapshot_id"));
        json.ok(res, Envelope.of(new DetailView(SnapshotView.of(s), s.state())));
    }
}
