package net.defarm.adapters.http.items;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import net.defarm.adapters.http.items.ItemViews.BatchView;
import net.defarm.adapters.http.items.ItemViews.DuplicatesView;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.items.ItemViews.ItemView;
import net.defarm.adapters.http.items.ItemViews.LocalCreated;
import net.defarm.adapters.http.items.ItemViews.LocalItemView;
import net.defarm.adapters.http.items.ItemViews.MappingView;
import net.defarm.adapters.http.items.ItemViews.MergeView;
import net.defarm.adapters.http.items.ItemViews.Message;
import net.defarm.adapters.http.items.ItemViews.OrganizeView;
import net.defarm.adapters.http.items.ItemViews.PendingView;
import net.defarm.adapters.http.items.ItemViews.ResolveView;
import net.defarm.adapters.http.items.ItemViews.SplitView;
import net.defarm.adapters.http.items.ItemViews.Stats;
import net.defarm.adapters.http.items.ItemViews.UnmergeView;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.items.CreateItem;
import net.defarm.application.items.ItemUseCases;
import net.defarm.application.items.LocalItems;
import net.defarm.application.items.PendingItems;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatus;
import net.defarm.domain.items.MergeStrategy;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;

/** {@code /api/items}: items, pending items and local items. */
public final class ItemRoutes implements HttpService {

    record CreateItemRequest(List<IdentifierDto> identifiers, JsonObject enrichedData, String sourceEntry) {
    }

    record BatchRequest(List<CreateItemRequest> items) {
    }

    record UpdateItemRequest(JsonObject enrichedData, List<IdentifierDto> identifiers) {
    }

    record SplitRequest(List<IdentifierDto> identifiersForNewItem) {
    }

    record ResolveRequest(String action, List<IdentifierDto> newIdentifiers, JsonObject newEnrichedData) {
    }

    record LocalCreateRequest(List<IdentifierDto> identifiers, JsonObject enrichedData) {
    }

    record LocalMergeRequest(String masterLid, List<String> mergeLids, String mergeStrategy) {
    }

    record OrganizeRequest(String action, Boolean dryRun, String mergeStrategy) {
    }

    record UnmergeRequest(String mergedLid) {
    }

    private final ItemUseCases items;
    private final HttpJson json;

    public ItemRoutes(ItemUseCases items, HttpJson json) {
        this.items = items;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        // Static segments first: routes match in registration order.
        rules.post("/", this::create)
                .post("/batch", this::createBatch)
                .get("/", this::list)
                .get("/search", this::list)
                .get("/stats", this::stats)
                .get("/pending", this::listPending)
                .get("/pending/{id}", this::getPending)
                .post("/pending/{id}/resolve", this::resolvePending)
                .post("/local", this::createLocal)
                .post("/local/merge", this::mergeLocal)
                .get("/local/duplicates", this::duplicates)
                .post("/local/organize", this::organize)
                .post("/local/unmerge", this::unmerge)
                .get("/mapping/{local_id}", this::mapping)
                .get("/identifier/{key}/{value}", this::byIdentifier)
                .get("/{dfid}", this::get)
                .put("/{dfid}", this::update)
                .delete("/{dfid}", this::delete)
                .put("/{dfid}/deprecate", this::deprecate)
                .post("/{dfid}/merge", this::merge)
                .post("/{dfid}/split", this::split);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        CreateItemRequest body = json.read(req, CreateItemRequest.class);
        switch (items.createItem().create(actor, command(body))) {
            case CreateItem.Created created -> json.ok(res, ItemView.of(created.item()));
            case CreateItem.StoredAsPending held -> throw held.refusal();
        }
    }

    private void createBatch(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        BatchRequest body = json.read(req, BatchRequest.class);
        List<CreateItemRequest> requested = Requests.required(body.items(), "items");
        List<CreateItem.Command> commands = requested.stream().map(r -> command(Requests.required(r, "items[]")))
                .toList();
        json.ok(res, BatchView.of(items.createItemsBatch().createAll(actor, commands)));
    }

    private static CreateItem.Command command(CreateItemRequest body) {
        UUID source = body.sourceEntry() == null ? UUID.randomUUID() : parseSource(body.sourceEntry());
        List<net.defarm.domain.items.Identifier> ids = IdentifierDto.toDomain(body.identifiers());
        return new CreateItem.Command(ids == null ? List.of() : ids, body.enrichedData(), source);
    }

    private static UUID parseSource(String sourceEntry) {
        try {
            return UUID.fromString(sourceEntry);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("INVALID_SOURCE_ENTRY", "Invalid source entry UUID");
        }
    }

    private void list(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        ItemStatus.Kind status = Requests.query(req, "status").map(ItemRoutes::statusKind).orElse(null);
        String key = Requests.query(req, "identifier_key").orElse(null);
        String value = Requests.query(req, "identifier_value").orElse(null);
        sendPage(req, res, items.queries().list(actor, status, key, value, Paging.of(req)));
    }

    private void byIdentifier(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        sendPage(req, res, items.queries().list(actor, null, Requests.path(req, "key"), Requests.path(req, "value"),
                Paging.of(req)));
    }

    private void sendPage(ServerRequest req, ServerResponse res, Page<Item> page) {
        Paging.headers(req, res, page);
        json.ok(res, ItemView.of(page.items()));
    }

    private static ItemStatus.Kind statusKind(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "active" -> ItemStatus.Kind.ACTIVE;
            case "deprecated" -> ItemStatus.Kind.DEPRECATED;
            case "merged" -> ItemStatus.Kind.MERGED;
            case "split" -> ItemStatus.Kind.SPLIT;
            case "mergedinto", "merged_into" -> ItemStatus.Kind.MERGED_INTO;
            default -> throw new InvalidInputException("INVALID_QUERY", "Invalid item status: " + status
                    + " (expected active, deprecated, merged, split or merged_into)");
        };
    }

    private void stats(ServerRequest req, ServerResponse res) {
        json.ok(res, Stats.of(items.queries().statistics(Caller.of(req))));
    }

    private void get(ServerRequest req, ServerResponse res) {
        json.ok(res, ItemView.of(items.queries().get(Caller.of(req), Requests.path(req, "dfid"))));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UpdateItemRequest body = json.read(req, UpdateItemRequest.class);
        json.ok(res, ItemView.of(items.updateItem().update(actor, Requests.path(req, "dfid"), body.enrichedData(),
                IdentifierDto.toDomain(body.identifiers()))));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        items.updateItem().deprecate(Caller.of(req), Requests.path(req, "dfid"));
        json.ok(res, new Message("Item deprecated successfully"));
    }

    private void deprecate(ServerRequest req, ServerResponse res) {
        json.ok(res, ItemView.of(items.updateItem().deprecate(Caller.of(req), Requests.path(req, "dfid"))));
    }

    /** The body is the secondary DFID as a bare JSON string (reference form) or {"secondary_dfid": "..."}. */
    private void merge(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        JsonNode body = json.readTree(req);
        JsonNode secondary = body.isTextual() ? body : body.path("secondary_dfid");
        if (!secondary.isTextual() || secondary.textValue().isBlank()) {
            throw new InvalidInputException("MISSING_FIELD",
                    "The body must be the secondary DFID as a JSON string, or {\"secondary_dfid\": \"...\"}");
        }
        json.ok(res, ItemView.of(items.mergeItems().merge(actor, Requests.path(req, "dfid"), secondary.textValue())));
    }

    private void split(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        SplitRequest body = json.read(req, SplitRequest.class);
        var result = items.mergeItems().split(actor, Requests.path(req, "dfid"),
                Requests.required(IdentifierDto.toDomain(body.identifiersForNewItem()), "identifiers_for_new_item"));
        json.ok(res, new SplitView(ItemView.of(result.original()), ItemView.of(result.created())));
    }

    private void listPending(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        Page<PendingItem> page = items.pendingItems().list(actor, Requests.query(req, "reason").orElse(null),
                Requests.intQuery(req, "priority_min").orElse(null), Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(PendingView::of).toList());
    }

    private void getPending(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        json.ok(res, PendingView.of(items.pendingItems().get(actor,
                Requests.uuidPath(req, "id", "pending item ID"))));
    }

    private void resolvePending(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = Requests.uuidPath(req, "id", "pending item ID");
        ResolveRequest body = json.read(req, ResolveRequest.class);
        PendingItems.Action action = switch (String.valueOf(body.action())) {
            case "approve" -> PendingItems.Action.APPROVE;
            case "reject" -> PendingItems.Action.REJECT;
            case "modify" -> PendingItems.Action.MODIFY;
            default -> throw new InvalidInputException("INVALID_ACTION",
                    "Invalid action. Must be 'approve', 'reject', or 'modify'");
        };
        String notCreated = "Pending item resolved but not created (rejected or still pending)";
        json.ok(res, switch (items.pendingItems().resolve(actor, id, action,
                IdentifierDto.toDomain(body.newIdentifiers()), body.newEnrichedData())) {
            case PendingItems.Approved approved -> new ResolveView(true, ItemView.of(approved.item()),
                    "Pending item resolved and created successfully", null);
            case PendingItems.StillPending still -> new ResolveView(true, null, notCreated,
                    PendingView.of(still.pending()));
            case PendingItems.Rejected rejected -> new ResolveView(true, null, notCreated, null);
        });
    }

    private void createLocal(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        LocalCreateRequest body = json.read(req, LocalCreateRequest.class);
        List<net.defarm.domain.items.Identifier> ids = IdentifierDto.toDomain(body.identifiers());
        Item item = items.localItems().create(actor, ids == null ? List.of() : ids, body.enrichedData());
        json.ok(res, Envelope.of(new LocalCreated(item.localId().toString(), "LocalOnly")));
    }

    private void mergeLocal(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        LocalMergeRequest body = json.read(req, LocalMergeRequest.class);
        UUID master = Requests.uuid(Requests.required(body.masterLid(), "master_lid"), "master_lid");
        List<UUID> others = Requests.required(body.mergeLids(), "merge_lids").stream()
                .map(lid -> Requests.uuid(lid, "merge_lid")).toList();
        json.ok(res, Envelope.of(MergeView.of(items.localItems().merge(actor, master, others,
                strategy(body.mergeStrategy())))));
    }

    private void duplicates(ServerRequest req, ServerResponse res) {
        json.ok(res, DuplicatesView.of(items.localItems().duplicates(Caller.of(req))));
    }

    private void organize(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        OrganizeRequest body = json.read(req, OrganizeRequest.class);
        String action = String.valueOf(body.action());
        if (!action.equals("deduplicate") && !action.equals("merge_all")) {
            throw new InvalidInputException("INVALID_ACTION", "Invalid action", Map.of("provided", action,
                    "allowed", "deduplicate, merge_all"));
        }
        MergeStrategy strategy = strategy(body.mergeStrategy());
        json.ok(res, OrganizeView.of(items.localItems().organize(actor, strategy, Boolean.TRUE.equals(body.dryRun()))));
    }

    private void unmerge(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UnmergeRequest body = json.read(req, UnmergeRequest.class);
        UUID lid = Requests.uuid(Requests.required(body.mergedLid(), "merged_lid"), "merged_lid");
        LocalItems.UnmergeResult r = items.localItems().unmerge(actor, lid);
        json.ok(res, new UnmergeView(true, lid.toString(), r.previousMasterLid(), LocalItemView.of(r.restored())));
    }

    private void mapping(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID lid = Requests.uuidPath(req, "local_id", "local_id");
        json.ok(res, Envelope.of(MappingView.of(items.localItems().mapping(actor, lid))));
    }

    private static MergeStrategy strategy(String name) {
        return MergeStrategy.parse(name).orElseThrow(() -> new InvalidInputException("INVALID_MERGE_STRATEGY",
                "Invalid merge_strategy", Map.of("provided", name, "allowed", String.join(", ",
                        MergeStrategy.wireNames()))));
    }
}
