package net.defarm.adapters.http.items;

import static net.defarm.adapters.http.items.ItemRequests.strategy;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.items.ItemRequests.LocalCreateRequest;
import net.defarm.adapters.http.items.ItemRequests.LocalMergeRequest;
import net.defarm.adapters.http.items.ItemRequests.OrganizeRequest;
import net.defarm.adapters.http.items.ItemRequests.UnmergeRequest;
import net.defarm.adapters.http.items.ItemViews.DuplicatesView;
import net.defarm.adapters.http.items.ItemViews.LocalCreated;
import net.defarm.adapters.http.items.ItemViews.LocalItemView;
import net.defarm.adapters.http.items.ItemViews.MappingView;
import net.defarm.adapters.http.items.ItemViews.MergeView;
import net.defarm.adapters.http.items.ItemViews.OrganizeView;
import net.defarm.adapters.http.items.ItemViews.UnmergeView;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.items.ItemUseCases;
import net.defarm.application.items.LocalItems;
import net.defarm.application.shared.Actor;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.MergeStrategy;
import net.defarm.domain.shared.InvalidInputException;

/**
 * {@code /api/items/local...} and {@code /api/items/mapping/...}: items known only to their owner by a local id,
 * and how they map to DFIDs. Registered before {@link ItemRoutes}, whose {@code /{dfid}/merge} would otherwise also
 * match {@code /local/merge}.
 */
public final class LocalItemRoutes implements HttpService {

    private final ItemUseCases items;
    private final HttpJson json;

    public LocalItemRoutes(ItemUseCases items, HttpJson json) {
        this.items = items;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/local", this::createLocal)
                .post("/local/merge", this::mergeLocal)
                .get("/local/duplicates", this::duplicates)
                .post("/local/organize", this::organize)
                .post("/local/unmerge", this::unmerge)
                .get("/mapping/{local_id}", this::mapping);
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
}
