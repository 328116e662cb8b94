package net.defarm.adapters.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Done;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.admin.AdminQueries;
import net.defarm.application.admin.AdminUseCases;
import net.defarm.application.admin.AdministerUsers;
import net.defarm.application.shared.Page;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.InvalidInputException;

/**
 * {@code /api/admin/users}: administrators list, open, read and change accounts, and freeze them. Whether the caller
 * may is decided by the use cases, before they look at the input; only the JSON syntax is checked here first.
 */
public final class AdminUserRoutes implements HttpService {

    record CreateBody(String username, String email, String password, String tier, Long initialCredits,
                      String workspaceId) {
        @Override
        public String toString() {
            return "CreateBody[" + username + "]";
        }
    }

    /** JsonNode fields tell an absent field (null) from an explicit JSON null. */
    record UpdateBody(String tier, String status, Boolean isAdmin, JsonNode availableAdapters, JsonNode credits) {
    }

    private final AdminUseCases admin;
    private final HttpJson json;

    public AdminUserRoutes(AdminUseCases admin, HttpJson json) {
        this.admin = admin;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/users", this::list)
                .post("/users", this::create)
                .get("/users/{user_id}", this::get)
                .put("/users/{user_id}", this::update)
                .put("/users/{user_id}/freeze", this::freeze)
                .put("/users/{user_id}/unfreeze", this::unfreeze);
    }

    private void list(ServerRequest req, ServerResponse res) {
        // Keyset pages only: an offset would make deep pages scan every account before them.
        if (Requests.longQuery(req, "offset").filter(o -> o != 0).isPresent()) {
            throw new InvalidInputException("OFFSET_NOT_SUPPORTED", "offset is not supported: follow the cursor "
                    + "of the X-Next-Cursor header (or the Link header) to the next page");
        }
        AdminQueries.UserQuery query = new AdminQueries.UserQuery(Requests.query(req, "username").orElse(null),
                Requests.query(req, "email").orElse(null), Requests.query(req, "tier").orElse(null),
                Requests.query(req, "status").orElse(null),
                Requests.query(req, "is_admin").isPresent() ? Requests.boolQuery(req, "is_admin", false) : null);
        Page<UserAccount> page = admin.queries().users(Caller.of(req), query, Paging.of(req));
        Paging.headers(req, res, page);
        List<AdminViews.UserView> users = page.items().stream().map(AdminViews.UserView::of).toList();
        json.ok(res, new AdminViews.UserList(true, users, users.size()));
    }

    private void create(ServerRequest req, ServerResponse res) {
        CreateBody b = json.read(req, CreateBody.class);
        UserAccount created = admin.users().create(Caller.of(req), new AdministerUsers.Create(b.username(),
                b.email(), b.password(), b.tier(), b.initialCredits(), b.workspaceId()), AdminViews.requestId(req));
        json.ok(res, new AdminViews.UserCreated(true, "User created successfully", created.userId(),
                created.username()));
    }

    private void get(ServerRequest req, ServerResponse res) {
        UserAccount user = admin.users().get(Caller.of(req), Requests.path(req, "user_id"));
        json.ok(res, new AdminViews.OneUser(true, AdminViews.UserView.of(user)));
    }

    private void update(ServerRequest req, ServerResponse res) {
        String userId = Requests.path(req, "user_id");
        UpdateBody b = json.read(req, UpdateBody.class);
        JsonNode adapters = b.availableAdapters();
        AdministerUsers.Changed changed = admin.users().update(Caller.of(req), userId, new AdministerUsers.Update(
                b.tier(), b.status(), b.isAdmin(), adapters == null || adapters.isNull() ? null : names(adapters),
                adapters != null && adapters.isNull(), b.credits() != null), AdminViews.requestId(req));
        json.ok(res, new AdminViews.UserUpdated(true, "User updated successfully", changed.changes(),
                AdminViews.UserView.of(changed.account())));
    }

    private static List<String> names(JsonNode adapters) {
        if (!adapters.isArray()) {
            throw new InvalidInputException("INVALID_FIELD", "Invalid value for 'available_adapters': expected an "
                    + "array of strings or null");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : adapters) {
            if (!n.isTextual()) {
                throw new InvalidInputException("INVALID_FIELD", "Invalid value for 'available_adapters': expected "
                        + "an array of strings or null");
            }
            names.add(n.asText());
        }
        return names;
    }

    private void freeze(ServerRequest req, ServerResponse res) {
        admin.users().freeze(Caller.of(req), Requests.path(req, "user_id"), AdminViews.requestId(req));
        json.ok(res, Done.of("User frozen successfully"));
    }

    private void unfreeze(ServerRequest req, ServerResponse res) {
        admin.users().unfreeze(Caller.of(req), Requests.path(req, "user_id"), AdminViews.requestId(req));
        json.ok(res, Done.of("User unfrozen successfully"));
    }
}
