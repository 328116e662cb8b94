package net.defarm.adapters.http.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import net.defarm.adapters.http.door.Authenticator;
import net.defarm.application.notifications.Notifications;
import net.defarm.application.shared.Actor;
import net.defarm.domain.notifications.Notification;

/**
 * One connection of {@code GET /api/notifications/ws?token=...}. The token is checked before the upgrade by the
 * door's {@link net.defarm.adapters.http.door.UpgradeGate} (a refusal is a JSON 401, no socket), and again here, as
 * the socket opens, to learn its user: a token refused here refuses the upgrade too. Once open, the socket
 * receives {@code connected}, {@code unread_count}, then one {@code notification} frame per new notification of its
 * user, and a ping every {@link #PING_INTERVAL}. Each socket has its own writer and a bounded queue: a client too
 * slow to keep up is dropped with a close reason rather than buffered without limit.
 */
final class NotificationSocket implements WsListener {

    static final String PATH = "/api/notifications/ws";
    /** Notifications waiting for one socket before it counts as too slow and is dropped. */
    static final int QUEUE_CAPACITY = 256;
    /** Keeps proxies and load balancers from closing a quiet socket, as the reference service does. */
    static final Duration PING_INTERVAL = Duration.ofSeconds(30);
    /** How long a dropped socket may take to accept its close frame before the connection is cut. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final int MAX_CLIENT_MESSAGE = 4096;

    private static final System.Logger LOG = System.getLogger(NotificationSocket.class.getName());

    record ConnectedFrame(String type, String message, String userId) {
    }

    record UnreadCountFrame(String type, long count) {
    }

    record NotificationFrame(String type, NotificationRoutes.NotificationView data) {
    }

    private final Authenticator authenticator;
    private final Notifications notifications;
    private final ObjectMapper mapper;
    private final SocketQueue<Notification> queue;
    private final Duration pingInterval;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private volatile Actor actor;
    private volatile WsSession session;
    private volatile Notifications.Following following;
    private volatile Thread writer;

    NotificationSocket(Authenticator authenticator, Notifications notifications, ObjectMapper mapper, int capacity,
                       Duration pingInterval) {
        this.authenticator = authenticator;
        this.notifications = notifications;
        this.mapper = mapper;
        this.queue = new SocketQueue<>(capacity);
        this.pingInterval = pingInterval;
    }

    /** Refuses the upgrade (no 101, no socket) unless the token names an active user. */
    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        try {
            // Checked again here, where Helidon gives no client address: a key restricted to addresses is then
            // refused (the gate, which has the address, already decided for this request).
            actor = authenticator.requireToken(prologue.query().first("token").orElse(null),
                    prologue.uriPath().path(), null);
        } catch (RuntimeException e) {
            // Only reached if the token stopped being valid since the gate checked it; Helidon answers 400, no socket.
            throw new WsUpgradeException("notifications socket refused: the token was not accepted");
        }
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        this.session = session;
        try {
            following = notifications.follow(actor, this::arrived);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notifications socket: following failed: " + e.getMessage());
            closed.set(true);
            session.close(WsCloseCodes.TRY_AGAIN_LATER, "Notifications are unavailable; retry later");
            return;
        }
        writer = Thread.ofVirtual().name("defarm-notifications-socket").start(this::write);
    }

    /** Called by the feed: never blocks. The offer that overflows the queue drops the socket. */
    private void arrived(Notification n) {
        if (queue.offerOrOverflow(n)) {
            Thread.ofVirtual().name("defarm-notifications-socket-cut").start(this::cutIfStuck);
        }
    }

    /** The writer closes an overflowed socket itself; if it is stuck writing to a client that reads nothing, cut it. */
    private void cutIfStuck() {
        try {
            Thread.sleep(CLOSE_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Thread w = writer;
        if (w != null && w.isAlive()) {
            LOG.log(Level.INFO, "notifications socket: a slow client did not take its close frame; cutting it");
            session.terminate();
        }
    }

    /** The only thread that writes to the socket, so frames never interleave and keep their order. */
    private void write() {
        try {
            send(new ConnectedFrame("connected", "WebSocket connected to notifications", actor.userId()));
            send(new UnreadCountFrame("unread_count", following.unreadCount()));
            while (!closed.get()) {
                Notification next = queue.poll(pingInterval);
                if (queue.overflowed()) {
                    following.close();
                    session.close(WsCloseCodes.VIOLATED_POLICY, "Too slow: more than " + queue.capacity()
                            + " notifications were waiting; reconnect and read the list");
                    return;
                }
                if (closed.get()) {
                    return;
                }
                if (next == null) {
                    session.ping(BufferData.empty());
                } else {
                    send(new NotificationFrame("notification", NotificationRoutes.NotificationView.of(next)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The peer went away mid-write; onClose or onError ends the rest.
            LOG.log(Level.DEBUG, "notifications socket: write failed: " + e.getMessage());
        } finally {
            stop();
        }
    }

    private void send(Object frame) {
        try {
            session.send(mapper.writeValueAsString(frame), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification frame could not be serialized", e);
        }
    }

    /**
     * Client frames, as the reference accepts them: {@code mark_read} (with {@code notification_id}),
     * {@code mark_all_read} and {@code ping}. None is answered; anything else is ignored.
     */
    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        if (partial.length() + text.length() > MAX_CLIENT_MESSAGE) {
            partial.setLength(0);
            return;
        }
        partial.append(text);
        if (!last) {
            return;
        }
        String message = partial.toString();
        partial.setLength(0);
        try {
            JsonNode node = mapper.readTree(message);
            String action = node.path("action").asText("");
            if (action.equals("mark_read")) {
                notifications.markRead(actor, UUID.fromString(node.path("notification_id").asText("")));
            } else if (action.equals("mark_all_read")) {
                notifications.markAllRead(actor);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.log(Level.DEBUG, "notifications socket: client frame ignored: " + e.getMessage());
        }
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        stop();
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        LOG.log(Level.DEBUG, "notifications socket error: " + t.getMessage());
        stop();
    }

    /** Ends the subscription and wakes the writer; safe to call from any thread, more than once. */
    private void stop() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Notifications.Following f = following;
        if (f != null) {
            f.close();
        }
        Thread w = writer;
        if (w != null && w != Thread.currentThread()) {
            w.interrupt();
        }
    }
}
