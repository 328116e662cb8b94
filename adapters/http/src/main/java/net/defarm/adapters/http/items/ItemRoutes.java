package net.defarm.adapters.http.items;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.items.ItemRequests.BatchRequest;
import net.defarm.adapters.http.items.ItemRequests.CreateItemRequest;
import net.defarm.adapters.http.items.ItemRequests.SplitRequest;
import net.defarm.adapters.http.items.ItemRequests.UpdateItemRequest;
import net.defarm.adapters.http.items.ItemViews.BatchView;
import net.defarm.adapters.http.items.ItemViews.ItemView;
import net.defarm.adapters.http.items.ItemViews.Message;
import net.defarm.adapters.http.items.ItemViews.SplitView;
import net.defarm.adapters.http.items.ItemViews.Stats;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.items.CreateItem;
import net.defarm.application.items.ItemUseCases;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatus;
import net.defarm.domain.shared.InvalidInputException;

/**
 * {@code /api/items}: items under their DFIDs: create, list and search, read, change, deprecate, merge, split.
 * Registered after {@link PendingItemRoutes} and {@link LocalItemRoutes}: their static segments come before
 * {@code /{dfid}}.
 */
public final class ItemRoutes implements HttpService {

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
        switch (items.createItem().create(actor, ItemRequests.command(body))) {
            case CreateItem.Created created -> json.ok(res, ItemView.of(created.item()));
            case CreateItem.StoredAsPending held -> throw held.refusal();
        }
    }

    private void createBatch(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        BatchRequest body = json.read(req, BatchRequest.class);
        List<CreateItemRequest> requested = Requests.required(body.items(), "items");
        List<CreateItem.Command> commands = requested.stream()
                .map(r -> ItemRequests.command(Requests.required(r, "items[]"))).toList();
        json.ok(res, BatchView.of(items.createItemsBatch().createAll(actor, commands)));
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
}
