package net.defarm.adapters.http.admin;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.admin.AdminQueries;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.admin.AdminAction;

/** {@code /api/admin/dashboard/stats} and {@code /api/admin/actions}: what administrators read about the service. */
public final class AdminOverviewRoutes implements HttpService {

    /** The reference's default page of admin actions. */
    static final int DEFAULT_ACTIONS = 100;

    private final AdminQueries queries;
    private final HttpJson json;

    public AdminOverviewRoutes(AdminQueries queries, HttpJson json) {
        this.queries = queries;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/dashboard/stats", this::stats)
                .get("/actions", this::actions);
    }

    private void stats(ServerRequest req, ServerResponse res) {
        json.ok(res, new AdminViews.Stats(true, AdminViews.StatsView.of(queries.stats(Caller.of(req)))));
    }

    private void actions(ServerRequest req, ServerResponse res) {
        PageRequest page = new PageRequest(Requests.intQuery(req, "limit").orElse(DEFAULT_ACTIONS),
                Requests.query(req, "cursor").orElse(null));
        Page<AdminAction> actions = queries.actions(Caller.of(req), Requests.query(req, "admin_id").orElse(null),
                page);
        Paging.headers(req, res, actions);
        List<AdminViews.ActionView> views = actions.items().stream().map(AdminViews.ActionView::of).toList();
        json.ok(res, new AdminViews.ActionList(true, views, views.size()));
    }
}
