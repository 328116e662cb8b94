package net.defarm.adapters.http.items;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.UUID;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.items.ItemRequests.ResolveRequest;
import net.defarm.adapters.http.items.ItemViews.ItemView;
import net.defarm.adapters.http.items.ItemViews.PendingView;
import net.defarm.adapters.http.items.ItemViews.ResolveView;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.items.ItemUseCases;
import net.defarm.application.items.PendingItems;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.shared.InvalidInputException;

/**
 * {@code /api/items/pending...}: items held back for review, and resolving them. Registered before
 * {@link ItemRoutes}, whose {@code /{dfid}} would otherwise also match {@code /pending}.
 */
public final class PendingItemRoutes implements HttpService {

    private final ItemUseCases items;
    private final HttpJson json;

    public PendingItemRoutes(ItemUseCases items, HttpJson json) {
        this.items = items;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/pending", this::listPending)
                .get("/pending/{id}", this::getPending)
                .post("/pending/{id}/resolve", this::resolvePending);
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
}
