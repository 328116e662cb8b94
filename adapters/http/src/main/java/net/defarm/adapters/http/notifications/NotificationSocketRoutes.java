package net.defarm.adapters.http.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.websocket.WsRouting;
import net.defarm.adapters.http.door.Authenticator;
import net.defarm.adapters.http.support.ErrorBodies;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.application.notifications.Notifications;

/**
 * The HTTP side of {@code /api/notifications/ws}. An upgrade request never reaches this route: the
 * {@link net.defarm.adapters.http.door.UpgradeGate} authenticates it (a refused token gets a JSON 401 and no socket)
 * and the WebSocket routing takes it over ({@link NotificationSocket}). What is left is a plain request, answered
 * with 426 and how to connect. It serves no data, which is why the door lists it as public.
 */
public final class NotificationSocketRoutes implements HttpService {

    private final HttpJson json;

    public NotificationSocketRoutes(HttpJson json) {
        this.json = json;
    }

    /** The path of the WebSocket endpoint, for the upgrade gate. */
    public static String path() {
        return NotificationSocket.PATH;
    }

    /** The WebSocket endpoint itself: one listener per connection, authenticated at the upgrade. */
    public static WsRouting.Builder webSocket(Authenticator authenticator, Notifications notifications,
                                              ObjectMapper mapper) {
        return WsRouting.builder().endpoint(NotificationSocket.PATH, () -> new NotificationSocket(authenticator,
                notifications, mapper, NotificationSocket.QUEUE_CAPACITY, NotificationSocket.PING_INTERVAL));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/ws", this::upgradeRequired);
    }

    private void upgradeRequired(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.UPGRADE, "websocket");
        ErrorBodies.send(json, res, Status.UPGRADE_REQUIRED_426,
                "This endpoint is a WebSocket: open it with a WebSocket upgrade and ?token=<token>", "UPGRADE_REQUIRED");
    }
}
