package net.defarm.adapters.http.notifications;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Done;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.notifications.Notifications;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.domain.notifications.Notification;
import net.defarm.domain.shared.JsonObject;

/** {@code /api/notifications}: the caller's own notifications (live ones: {@link NotificationSocket}). */
public final class NotificationRoutes implements HttpService {

    record NotificationView(String id, String userId, String notificationType, String title, String message,
                            boolean read, String timestamp, JsonObject data) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id().toString(), n.userId(), n.type().wireName(), n.title(), n.message(),
                    n.read(), n.timestamp().toString(), n.data());
        }
    }

    record ListView(boolean success, List<NotificationView> data, int count) {
    }

    record CountView(boolean success, long unreadCount) {
    }

    record MarkedView(boolean success, int markedRead) {
    }

    private final Notifications notifications;
    private final HttpJson json;

    public NotificationRoutes(Notifications notifications, HttpJson json) {
        this.notifications = notifications;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .get("/unread-count", this::unreadCount)
                .patch("/mark-all-read", this::markAllRead)
                .patch("/{id}/read", this::markRead)
                .delete("/{id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        Instant since = Requests.epochSecondsQuery(req, "since", 0).orElse(null);
        Page<Notification> page = notifications.list(actor, since, Requests.boolQuery(req, "unread_only", false),
                Paging.of(req));
        Paging.headers(req, res, page);
        List<NotificationView> views = page.items().stream().map(NotificationView::of).toList();
        json.ok(res, new ListView(true, views, views.size()));
    }

    private void unreadCount(ServerRequest req, ServerResponse res) {
        json.ok(res, new CountView(true, notifications.unreadCount(Caller.of(req))));
    }

    private void markRead(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = Requests.uuidPath(req, "id", "notification ID");
        json.ok(res, Envelope.of(NotificationView.of(notifications.markRead(actor, id))));
    }

    private void markAllRead(ServerRequest req, ServerResponse res) {
        json.ok(res, new MarkedView(true, notifications.markAllRead(Caller.of(req))));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = Requests.uuidPath(req, "id", "notification ID");
        notifications.delete(actor, id);
        json.ok(res, Done.of("Notification deleted successfully"));
    }
}
