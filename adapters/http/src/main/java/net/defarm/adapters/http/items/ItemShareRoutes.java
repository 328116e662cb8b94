package net.defarm.adapters.http.items;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.items.ItemViews.ItemView;
import net.defarm.adapters.http.items.ItemViews.Message;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.items.ShareItems;
import net.defarm.application.shared.Page;
import net.defarm.domain.items.ItemShare;

/**
 * Sharing one item with one user: {@code POST /{dfid}/share} (the owner), {@code GET /{dfid}/shared-with/{user_id}}
 * (the owner or that user), {@code GET /shared-to/{user_id}} (that user only) and, our addition,
 * {@code DELETE /{dfid}/share/{share_id}} (the owner revokes). Registered first under {@code /api/items}: the
 * static {@code /shared-to} must come before {@code /{dfid}}.
 */
public final class ItemShareRoutes implements HttpService {

    record ShareBody(String recipientUserId, List<String> permissions) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ShareView(String shareId, String dfid, String recipientUserId, long sharedAt, List<String> permissions) {
        static ShareView of(ItemShare s) {
            return new ShareView(s.shareId(), s.dfid(), s.recipientId(), s.sharedAt().getEpochSecond(),
                    s.permissions());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SharedWithView(boolean isShared, String shareId, Long sharedAt) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReceivedView(String shareId, ItemView item, String sharedBy, long sharedAt, List<String> permissions) {
        static ReceivedView of(ShareItems.Received r) {
            return new ReceivedView(r.share().shareId(), ItemView.of(r.item()), r.share().sharedBy(),
                    r.share().sharedAt().getEpochSecond(), r.share().permissions());
        }
    }

    private final ShareItems shares;
    private final HttpJson json;

    public ItemShareRoutes(ShareItems shares, HttpJson json) {
        this.shares = shares;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/shared-to/{user_id}", this::sharedTo)
                .post("/{dfid}/share", this::share)
                .delete("/{dfid}/share/{share_id}", this::revoke)
                .get("/{dfid}/shared-with/{user_id}", this::sharedWith);
    }

    private void share(ServerRequest req, ServerResponse res) {
        String dfid = Requests.path(req, "dfid");
        ShareBody body = json.read(req, ShareBody.class);
        json.ok(res, ShareView.of(shares.share(Caller.of(req), dfid, body.recipientUserId(), body.permissions())));
    }

    private void sharedWith(ServerRequest req, ServerResponse res) {
        Optional<ItemShare> share = shares.sharedWith(Caller.of(req), Requests.path(req, "dfid"),
                Requests.path(req, "user_id"));
        json.ok(res, new SharedWithView(share.isPresent(), share.map(ItemShare::shareId).orElse(null),
                share.map(s -> s.sharedAt().getEpochSecond()).orElse(null)));
    }

    private void sharedTo(ServerRequest req, ServerResponse res) {
        Page<ShareItems.Received> page = shares.sharedTo(Caller.of(req), Requests.path(req, "user_id"),
                Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(ReceivedView::of).toList());
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        shares.revoke(Caller.of(req), Requests.path(req, "dfid"), Requests.path(req, "share_id"));
        json.ok(res, new Message("Share revoked successfully"));
    }
}
