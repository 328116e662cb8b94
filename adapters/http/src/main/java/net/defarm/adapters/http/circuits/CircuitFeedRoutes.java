package net.defarm.adapters.http.circuits;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import net.defarm.adapters.http.circuits.CircuitViews.ActivityView;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.circuits.CircuitQueries;
import net.defarm.application.shared.Page;
import net.defarm.domain.circuits.Activity;

/** {@code /api/activities}: the activity feeds of the caller's circuits, merged oldest first (members only). */
public final class CircuitFeedRoutes implements HttpService {

    private final CircuitQueries circuits;
    private final HttpJson json;

    public CircuitFeedRoutes(CircuitQueries circuits, HttpJson json) {
        this.circuits = circuits;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> feed(req, res, null))
                .get("/user/{user_id}", (req, res) -> feed(req, res, Requests.path(req, "user_id")));
    }

    private void feed(ServerRequest req, ServerResponse res, String userId) {
        Page<Activity> page = circuits.memberActivities(Caller.of(req), userId, Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(ActivityView::of).toList());
    }
}
