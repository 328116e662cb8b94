package net.defarm.adapters.http.circuits;

import static net.defarm.adapters.http.circuits.CircuitRequests.circuitId;
import static net.defarm.adapters.http.circuits.CircuitRequests.optionalDecision;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import net.defarm.adapters.http.circuits.CircuitRequests.BatchRequest;
import net.defarm.adapters.http.circuits.CircuitRequests.DecisionRequest;
import net.defarm.adapters.http.circuits.CircuitRequests.PushEventsRequest;
import net.defarm.adapters.http.circuits.CircuitRequests.PushLocalRequest;
import net.defarm.adapters.http.circuits.CircuitViews.ActivityView;
import net.defarm.adapters.http.circuits.CircuitViews.ApprovedPendingView;
import net.defarm.adapters.http.circuits.CircuitViews.BatchResultView;
import net.defarm.adapters.http.circuits.CircuitViews.BatchView;
import net.defarm.adapters.http.circuits.CircuitViews.CircuitItemView;
import net.defarm.adapters.http.circuits.CircuitViews.EventPushView;
import net.defarm.adapters.http.circuits.CircuitViews.OperationView;
import net.defarm.adapters.http.circuits.CircuitViews.PendingPushView;
import net.defarm.adapters.http.circuits.CircuitViews.PullView;
import net.defarm.adapters.http.circuits.CircuitViews.PushEventsView;
import net.defarm.adapters.http.circuits.CircuitViews.RawEvent;
import net.defarm.adapters.http.circuits.CircuitViews.RawItem;
import net.defarm.adapters.http.circuits.CircuitViews.TokenizationView;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.items.IdentifierDto;
import net.defarm.adapters.http.support.Done;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.circuits.CircuitQueries;
import net.defarm.application.circuits.CircuitUseCases;
import net.defarm.application.circuits.PullFromCircuit;
import net.defarm.application.circuits.PushToCircuit;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.items.Identifier;

/**
 * {@code /api/circuits/...}: what moves through a circuit: push and pull, operations and their approval, pending
 * items, the circuit's items and its activity. {@code /operations/{operation_id}/...} comes before
 * {@code /{id}/push/{dfid}} and {@code /{id}/pull/{dfid}}, which would otherwise also match it.
 */
public final class CircuitTrafficRoutes implements HttpService {

    private final CircuitUseCases circuits;
    private final HttpJson json;

    public CircuitTrafficRoutes(CircuitUseCases circuits, HttpJson json) {
        this.circuits = circuits;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/operations/{operation_id}/approve", this::approveOperation)
                .post("/operations/{operation_id}/reject", this::rejectOperation)
                .post("/{id}/push/batch", this::pushBatch)
                .post("/{id}/push/{dfid}", this::push)
                .post("/{id}/push-local", this::pushLocal)
                .post("/{id}/push-events", this::pushEvents)
                .post("/{id}/pull/{dfid}", this::pull)
                .get("/{id}/operations", (req, res) -> operations(req, res, null))
                .get("/{id}/operations/pending", (req, res) -> operations(req, res, CircuitOperation.Status.PENDING))
                .get("/{id}/pending-items", this::pendingItems)
                .post("/{id}/pending-items/{pending_id}/approve", this::approvePending)
                .post("/{id}/pending-items/{pending_id}/reject", this::rejectPending)
                .get("/{id}/items", this::items)
                .get("/{id}/activities", this::activities);
    }

    private void push(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        json.ok(res, OperationView.of(circuits.push().push(actor, circuitId(req), Requests.path(req, "dfid"))));
    }

    private void pushBatch(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        BatchRequest body = json.read(req, BatchRequest.class);
        List<String> dfids = Requests.required(body.items(), "items").stream()
                .map(i -> Requests.required(Requests.required(i, "items[]").dfid(), "items[].dfid")).toList();
        List<PushToCircuit.BatchResult> results = circuits.push().pushAll(actor, id, dfids);
        int ok = (int) results.stream().filter(PushToCircuit.BatchResult::success).count();
        json.ok(res, new BatchView(ok, results.size() - ok, results.stream().map(r ->
                new BatchResultView(r.dfid(), r.success(), r.error(), r.errorCode())).toList()));
    }

    private void pushLocal(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        PushLocalRequest body = json.read(req, PushLocalRequest.class);
        UUID lid = Requests.uuid(Requests.required(body.localId(), "local_id"), "local_id");
        List<Identifier> ids = IdentifierDto.toDomain(body.identifiers());
        PushToCircuit.Tokenization t = circuits.push().pushLocal(actor, id, lid, ids, body.enrichedData());
        json.ok(res, Envelope.of(new TokenizationView(t.dfid(), t.status() == PushToCircuit.TokenizationStatus
                .NEW_ITEM_CREATED ? "NewItemCreated" : "ExistingItemEnriched", t.operationId().toString(),
                t.localId().toString())));
    }

    private void pushEvents(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        PushEventsRequest body = json.read(req, PushEventsRequest.class);
        String dfid = Requests.required(body.dfid(), "dfid");
        // Malformed local ids are skipped, like unknown ones.
        List<UUID> ids = Requests.required(body.localEventIds(), "local_event_ids").stream().map(s -> {
            try {
                return s == null ? null : UUID.fromString(s);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).filter(Objects::nonNull).toList();
        List<PushToCircuit.EventPush> pushed = circuits.push().pushEvents(actor, id, dfid, ids);
        int dedup = (int) pushed.stream().filter(PushToCircuit.EventPush::deduplicated).count();
        json.ok(res, new PushEventsView(true, id.toString(), pushed.size() - dedup, dedup, pushed.stream().map(p ->
                new EventPushView(p.localEventId().toString(), p.eventId().toString(), p.dfid(), p.deduplicated(),
                        p.originalEventId() == null ? null : p.originalEventId().toString())).toList()));
    }

    private void pull(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        PullFromCircuit.Pulled pulled = circuits.pull().pull(actor, circuitId(req), Requests.path(req, "dfid"));
        json.ok(res, new PullView(RawItem.of(pulled.item()), pulled.events().stream().map(RawEvent::of).toList(),
                pulled.events().size(), OperationView.of(pulled.operation())));
    }

    private void operations(ServerRequest req, ServerResponse res, CircuitOperation.Status status) {
        Actor actor = Caller.of(req);
        Page<CircuitOperation> page = circuits.queries().operations(actor, circuitId(req), status, Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(OperationView::of).toList());
    }

    private void approveOperation(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID op = Requests.uuidPath(req, "operation_id", "operation ID");
        DecisionRequest body = optionalDecision(json, req);
        json.ok(res, OperationView.of(circuits.approvals().approve(actor, op, body.namedActors())));
    }

    private void rejectOperation(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID op = Requests.uuidPath(req, "operation_id", "operation ID");
        DecisionRequest body = optionalDecision(json, req);
        json.ok(res, OperationView.of(circuits.approvals().reject(actor, op, body.reason(), body.namedActors())));
    }

    private void pendingItems(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        Page<CircuitQueries.PendingPush> page = circuits.queries().pendingPushes(actor, circuitId(req), Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, Envelope.of(page.items().stream().map(PendingPushView::of).toList()));
    }

    private void approvePending(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        UUID op = Requests.uuidPath(req, "pending_id", "pending item ID");
        DecisionRequest decision = optionalDecision(json, req);
        CircuitOperation approved = circuits.approvals().approveInCircuit(actor, id, op, decision.namedActors());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("message", "Item approved and added to circuit");
        body.put("data", new ApprovedPendingView(id.toString(), approved.dfid(), approved.requesterId(),
                approved.timestamp().getEpochSecond(), actor.userId(), approved.approvedAt()
                .map(Instant::getEpochSecond).orElse(null), "active"));
        json.ok(res, body);
    }

    private void rejectPending(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        UUID op = Requests.uuidPath(req, "pending_id", "pending item ID");
        DecisionRequest body = optionalDecision(json, req);
        circuits.approvals().rejectInCircuit(actor, id, op, body.reason(), body.namedActors());
        json.ok(res, Done.of("Item rejected"));
    }

    private void items(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        boolean withEvents = Requests.boolQuery(req, "include_events", false);
        Page<CircuitQueries.CircuitItemView> page = circuits.queries().items(actor, id, withEvents, Paging.of(req));
        Circuit c = circuits.queries().get(actor, id);
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(v -> CircuitItemView.of(c, v, withEvents)).toList());
    }

    private void activities(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        var page = circuits.queries().activities(actor, circuitId(req), Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(ActivityView::of).toList());
    }
}
