package net.defarm.adapters.http.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.socket.SocketContext;
import io.helidon.common.uri.UriFragment;
import io.helidon.common.uri.UriPath;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.defarm.adapters.http.door.Authenticator;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.application.identity.Authenticate;
import net.defarm.application.identity.AuthenticationException;
import net.defarm.application.identity.TokenService;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.notifications.NotificationFeed;
import net.defarm.application.notifications.NotificationRepository;
import net.defarm.application.notifications.Notifications;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.notifications.Notification;
import org.junit.jupiter.api.Test;

/**
 * One socket against a client that stops reading: its queue fills, the socket is closed with a reason (or cut if
 * even the close frame cannot be written), and the feed stops calling it. Nothing grows without bound meanwhile.
 */
class NotificationSocketTest {

    private static final String USER = "user-live";
    private static final long WAIT_SECONDS = 20;
    private final ObjectMapper mapper = new HttpJson().mapper();
    private final ManualFeed feed = new ManualFeed();

    /** A feed the test drives: it hands notifications to the subscribed listener and knows if it was closed. */
    private static final class ManualFeed implements NotificationFeed {
        final AtomicReference<Consumer<Notification>> listener = new AtomicReference<>();
        final CountDownLatch unsubscribed = new CountDownLatch(1);

        @Override
        public void announce(Notification notification) {
            listener.get().accept(notification);
        }

        @Override
        public Subscription subscribe(String userId, Consumer<Notification> l) {
            listener.set(l);
            return unsubscribed::countDown;
        }
    }

    /** A session whose writes block while {@code stalled} is closed, as a socket does when the client reads nothing. */
    private static final class StalledSession implements WsSession {
        final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        final CountDownLatch stalled = new CountDownLatch(1);
        final AtomicBoolean terminated = new AtomicBoolean();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        final int freeWrites;
        int writes;

        StalledSession(int freeWrites) {
            this.freeWrites = freeWrites;
        }

        @Override
        public WsSession send(String text, boolean last) {
            if (++writes > freeWrites) {
                try {
                    stalled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (terminated.get()) {
                    throw new IllegalStateException("connection cut");
                }
            }
            sent.add(text);
            return this;
        }

        @Override
        public WsSession send(BufferData bufferData, boolean last) {
            return this;
        }

        @Override
        public WsSession ping(BufferData bufferData) {
            return this;
        }

        @Override
        public WsSession pong(BufferData bufferData) {
            return this;
        }

        /** A close frame is a write too: it waits for the client like any other. */
        @Override
        public WsSession close(int code, String reason) {
            try {
                stalled.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closed.complete(code + " " + reason);
            return this;
        }

        @Override
        public WsSession terminate() {
            // Recorded before the stalled writer is released: otherwise its own close could be recorded first.
            terminated.set(true);
            closed.complete("terminated");
            stalled.countDown();
            return this;
        }

        @Override
        public SocketContext socketContext() {
            throw new UnsupportedOperationException();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T port(Class<T> type, java.util.function.Function<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> answers.apply(method.getName()));
    }

    private NotificationSocket socket(int capacity) {
        TokenService tokens = new TokenService() {
            @Override
            public IssuedToken issue(String userId, String workspaceId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TokenClaims verify(String token) {
                if (!token.equals("good")) {
                    throw new AuthenticationException("INVALID_TOKEN", "Invalid token");
                }
                return new TokenClaims(USER, "ws", Instant.now().plusSeconds(60));
            }
        };
        UserAccountRepository users = port(UserAccountRepository.class, name -> name.equals("findById")
                ? Optional.of(UserAccount.register(USER, "live", "live@example.com", "hash", null, Instant.EPOCH))
                : null);
        NotificationRepository store = port(NotificationRepository.class, name -> name.equals("countUnread") ? 7L
                : null);
        UnitOfWork uow = new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }

            @Override
            public <T> T inSavepoint(Supplier<T> work) {
                return work.get();
            }
        };
        return new NotificationSocket(new Authenticator(new Authenticate(tokens, users)),
                new Notifications(store, uow, feed), mapper, capacity, Duration.ofMinutes(5));
    }

    private static HttpPrologue upgrade(String query) {
        return HttpPrologue.create("HTTP/1.1", "HTTP", "1.1", Method.GET, UriPath.create(NotificationSocket.PATH),
                UriQuery.create(query), UriFragment.empty());
    }

    private static Notification notification(int i) {
        return Notification.joinRequestReceived(UUID.randomUUID(), USER, "Circuit " + i, UUID.randomUUID().toString(),
                "user-" + i, "hello", Instant.parse("2025-06-01T12:00:00Z"));
    }

    private JsonNode frame(StalledSession session) throws Exception {
        String text = session.sent.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(text, "no frame written");
        return mapper.readTree(text);
    }

    @Test
    void aBadTokenRefusesTheUpgrade() {
        NotificationSocket socket = socket(4);
        assertThrows(WsUpgradeException.class, () -> socket.onHttpUpgrade(upgrade("token=bad"),
                WritableHeaders.create()));
        assertThrows(WsUpgradeException.class, () -> socket.onHttpUpgrade(upgrade(""), WritableHeaders.create()));
        assertEquals(Optional.empty(), socket.onHttpUpgrade(upgrade("token=good"), WritableHeaders.create()));
    }

    @Test
    void framesComeInOrderConnectedUnreadCountThenNotifications() throws Exception {
        NotificationSocket socket = socket(4);
        socket.onHttpUpgrade(upgrade("token=good"), WritableHeaders.create());
        StalledSession session = new StalledSession(Integer.MAX_VALUE);
        socket.onOpen(session);
        JsonNode connected = frame(session);
        assertEquals("connected", connected.path("type").asText());
        assertEquals(USER, connected.path("user_id").asText());
        assertEquals(7, frame(session).path("count").asLong());
        Notification n = notification(1);
        feed.announce(n);
        JsonNode live = frame(session);
        assertEquals("notification", live.path("type").asText());
        assertEquals(n.id().toString(), live.path("data").path("id").asText());
        assertEquals("JoinRequestReceived", live.path("data").path("notification_type").asText());
        socket.onClose(session, WsCloseCodes.NORMAL_CLOSE, "bye");
        assertTrue(feed.unsubscribed.await(WAIT_SECONDS, TimeUnit.SECONDS), "closing ends the subscription");
    }

    @Test
    void aSlowClientIsClosedWithAReasonOnceItsQueueIsFull() throws Exception {
        int capacity = 4;
        NotificationSocket socket = socket(capacity);
        socket.onHttpUpgrade(upgrade("token=good"), WritableHeaders.create());
        // The client reads the two greeting frames, then nothing: the writer blocks on the first notification.
        StalledSession session = new StalledSession(2);
        socket.onOpen(session);
        frame(session);
        frame(session);
        for (int i = 0; i < capacity + 50; i++) {
            feed.announce(notification(i));
        }
        // The client reads again: the writer finishes its write, finds the queue overflowed and closes.
        session.stalled.countDown();
        String closed = session.closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(closed.startsWith(WsCloseCodes.VIOLATED_POLICY + " Too slow: more than " + capacity), closed);
        assertTrue(feed.unsubscribed.await(WAIT_SECONDS, TimeUnit.SECONDS), "the feed no longer calls it");
        // At most the notification being written got out: the rest were dropped, not buffered.
        List<String> delivered = List.copyOf(session.sent);
        assertTrue(delivered.size() <= 1, delivered.toString());
    }

    @Test
    void aClientThatReadsNothingAtAllIsCut() throws Exception {
        NotificationSocket socket = socket(2);
        socket.onHttpUpgrade(upgrade("token=good"), WritableHeaders.create());
        StalledSession session = new StalledSession(2);
        socket.onOpen(session);
        frame(session);
        frame(session);
        for (int i = 0; i < 10; i++) {
            feed.announce(notification(i));
        }
        // Even the close frame cannot be written: after a grace period the connection is cut.
        assertEquals("terminated", session.closed.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(session.terminated.get());
        assertTrue(feed.unsubscribed.await(WAIT_SECONDS, TimeUnit.SECONDS), "the feed no longer calls it");
    }
}
