package net.defarm.adapters.http.audit;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.audit.UserActivities;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.domain.audit.UserActivity;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * {@code /api/user-activity}: each user's own activity log (entries are the caller's, whatever user a body names);
 * the cleanup is for administrators and is audited. Lists are keyset pages.
 */
public final class ActivityRoutes implements HttpService {

    record EntryBody(String userId, String workspaceId, String activityType, String category, String resourceType,
                     String resourceId, String action, String description, JsonValue metadata, Boolean success,
                     String ipAddress, String userAgent) {
    }

    record ActivityView(String activityId, String userId, String workspaceId, String timestamp, String activityType,
                        String category, String resourceType, String resourceId, String action, String description,
                        JsonValue metadata, boolean success, String ipAddress, String userAgent) {
        static ActivityView of(UserActivity a) {
            return new ActivityView(a.activityId().toString(), a.userId(), a.workspaceId(), a.at().toString(),
                    a.activityType(), a.category(), a.resourceType(), a.resourceId(), a.action(), a.description(),
                    a.metadata(), a.success(), a.ipAddress(), a.userAgent());
        }
    }

    record ListView(List<ActivityView> activities, int perPage) {
    }

    record LoggedView(String activityId, String timestamp) {
    }

    record StatsView(long totalActions, Map<String, Long> byCategory, Map<String, Long> byType,
                     List<long[]> mostActiveHours, double successRate, String periodStart, String periodEnd) {
    }

    record DeletedView(long deletedCount) {
    }

    private final UserActivities activities;
    private final HttpJson json;

    public ActivityRoutes(UserActivities activities, HttpJson json) {
        this.activities = activities;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::log)
                .get("/stats", this::stats)
                .delete("/cleanup", this::cleanup)
                .get("/{activity_id}", this::get);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        Requests.query(req, "user_id").filter(u -> !u.equals(actor.userId())).ifPresent(u -> {
            throw new PermissionDeniedException("NOT_YOUR_ACTIVITIES", "Permission denied: a user reads their own "
                    + "activity log");
        });
        Page<UserActivity> page = activities.list(actor, new UserActivities.Listing(
                Requests.query(req, "category").orElse(null), Requests.query(req, "activity_type").orElse(null),
                Requests.query(req, "resource_type").orElse(null), rfc3339(req, "start_date"),
                rfc3339(req, "end_date"), Requests.query(req, "search_query").orElse(null)), Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, Envelope.of(new ListView(page.items().stream().map(ActivityView::of).toList(),
                Paging.of(req).limit())));
    }

    private static Instant rfc3339(ServerRequest req, String name) {
        return Requests.query(req, name).map(v -> Requests.rfc3339(v).orElseThrow(() -> new InvalidInputException(
                "INVALID_DATE", name + " must be an RFC 3339 date-time"))).orElse(null);
    }

    private void log(ServerRequest req, ServerResponse res) {
        EntryBody b = json.read(req, EntryBody.class);
        UserActivity a = activities.log(Caller.of(req), new UserActivities.Entry(
                Requests.required(b.activityType(), "activity_type"), Requests.required(b.category(), "category"),
                Requests.required(b.resourceType(), "resource_type"), Requests.required(b.resourceId(), "resource_id"),
                Requests.required(b.action(), "action"), Requests.required(b.description(), "description"),
                b.metadata(), b.success() == null || b.success(), b.userAgent()));
        json.ok(res, Envelope.of(new LoggedView(a.activityId().toString(), a.at().toString())));
    }

    private void stats(ServerRequest req, ServerResponse res) {
        UserActivities.Stats s = activities.stats(Caller.of(req), Requests.intQuery(req, "period_days").orElse(30));
        json.ok(res, Envelope.of(new StatsView(s.totalActions(), s.byCategory(), s.byType(), s.mostActiveHours(),
                s.successRate(), s.periodStart().toString(), s.periodEnd().toString())));
    }

    private void get(ServerRequest req, ServerResponse res) {
        json.ok(res, Envelope.of(ActivityView.of(activities.find(Caller.of(req),
                Requests.uuidPath(req, "activity_id", "activity ID")))));
    }

    /** {@code ?before_date=} (RFC 3339): a query parameter, as a DELETE carries no body here. */
    private void cleanup(ServerRequest req, ServerResponse res) {
        json.ok(res, Envelope.of(new DeletedView(activities.cleanup(Caller.of(req), rfc3339(req, "before_date")))));
    }
}
