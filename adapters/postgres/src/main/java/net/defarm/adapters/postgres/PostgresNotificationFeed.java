package net.defarm.adapters.postgres;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.defarm.application.notifications.NotificationFeed;
import net.defarm.application.notifications.NotificationRepository;
import net.defarm.application.notifications.NotificationSubscribers;
import net.defarm.domain.notifications.Notification;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The live feed across instances through PostgreSQL {@code LISTEN/NOTIFY}. An announcement is a
 * {@code pg_notify} in the transaction that inserts the notification, so the database delivers it only on commit,
 * to every instance (this one included). Each instance listens on one dedicated connection of its own, opened
 * outside the request pool when the first subscriber arrives and re-opened after a failure; the payload carries only
 * the notification id and user id, and the listener loads the notification when someone here follows that user.
 * The channel is named after the schema, so services on different schemas of one database do not hear each other.
 */
public final class PostgresNotificationFeed implements NotificationFeed, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PostgresNotificationFeed.class.getName());

    /** Channel names are identifiers: at most 63 bytes. Computed by the server, so both sides agree. */
    static final String CHANNEL_SQL = "left('defarm_notifications_' || coalesce(current_schema(), 'public'), 63)";
    /** The listener's {@code application_name} in {@code pg_stat_activity}: at most 63 bytes, like a channel. */
    static final String APPLICATION_NAME_SQL =
            "left('defarm-engines-listener ' || coalesce(current_schema(), 'public'), 63)";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** A silent connection is probed this often, so a dead one is noticed without waiting for a notification. */
    private static final Duration PROBE = Duration.ofSeconds(15);

    private final PostgresDatabase db;
    private final PostgresSettings settings;
    private final NotificationRepository notifications;
    private final NotificationSubscribers subscribers = new NotificationSubscribers();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Connection> connection = new AtomicReference<>();
    private final CountDownLatch firstListen = new CountDownLatch(1);

    PostgresNotificationFeed(PostgresDatabase db, PostgresSettings settings, NotificationRepository notifications) {
        this.db = db;
        this.settings = settings;
        this.notifications = notifications;
    }

    @Override
    public void announce(Notification n) {
        String payload = n.id() + " " + n.userId();
        db.run(ex -> ex.get("SELECT 1 AS sent FROM (SELECT pg_notify(" + CHANNEL_SQL + ", ?)) AS notified",
                payload));
    }

    @Override
    public Subscription subscribe(String userId, Consumer<Notification> listener) {
        Subscription subscription = subscribers.add(userId, listener);
        startListening();
        return subscription;
    }

    /**
     * Starts the listener on first use and waits (up to the connect timeout) until it listens, so that a subscriber
     * hears what is committed after it subscribed. If the database is unreachable the subscription still stands: it
     * starts hearing once the listener gets through.
     */
    private void startListening() {
        if (started.compareAndSet(false, true)) {
            Thread.ofVirtual().name("defarm-notification-listener").start(this::listenLoop);
        }
        try {
            firstListen.await(Math.max(1, settings.connectTimeout().toMillis()) * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listenLoop() {
        Duration backoff = Duration.ofMillis(250);
        while (!closed.get()) {
            try (Connection c = open()) {
                connection.set(c);
                String channel = listen(c);
                firstListen.countDown();
                backoff = Duration.ofMillis(250);
                LOG.log(Level.DEBUG, "listening for notifications on " + channel);
                receive(c);
            } catch (SQLException | RuntimeException e) {
                if (closed.get()) {
                    return;
                }
                LOG.log(Level.WARNING, "the notification listener lost PostgreSQL (" + e.getMessage()
                        + "); reconnecting in " + backoff.toMillis() + " ms");
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                connection.set(null);
            }
        }
    }

    private Connection open() throws SQLException {
        Properties props = new Properties();
        if (settings.username() != null) {
            props.setProperty("user", settings.username());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        props.setProperty("ApplicationName", "defarm-engines-listener");
        props.setProperty("connectTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        // A read that hangs this long means the connection is dead (the probe answers well within it).
        props.setProperty("socketTimeout", Long.toString(PROBE.multipliedBy(2).toSeconds()));
        // LISTEN holds a session: behind a transaction pooler it must reach PostgreSQL directly.
        return DriverManager.getConnection(settings.sessionUrl(), props);
    }

    private static String listen(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            String channel;
            try (ResultSet rs = s.executeQuery("SELECT " + CHANNEL_SQL + " AS channel")) {
                rs.next();
                channel = rs.getString("channel");
            }
            s.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
            // Named after the schema too, so an operator (or a test) can find this service's listener among others.
            s.execute("SELECT set_config('application_name', " + APPLICATION_NAME_SQL + ", false)");
            return channel;
        }
    }

    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (!closed.get()) {
            PGNotification[] received = pg.getNotifications((int) POLL.toMillis());
            if (received != null && received.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification n : received) {
                    dispatch(n.getParameter());
                }
            } else if (System.nanoTime() - lastHeard > PROBE.toNanos()) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    /** Payload {@code "<notification id> <user id>"}: loaded only when someone here follows that user. */
    private void dispatch(String payload) {
        int space = payload.indexOf(' ');
        if (space < 0) {
            return;
        }
        String userId = payload.substring(space + 1);
        if (!subscribers.follows(userId)) {
            return;
        }
        Optional<Notification> loaded;
        try {
            loaded = notifications.findById(UUID.fromString(payload.substring(0, space)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a notification could not be loaded for live delivery: " + e.getMessage());
            return;
        }
        // The payload is only a hint: the stored notification decides whose it is.
        loaded.filter(n -> n.userId().equals(userId)).ifPresent(subscribers::deliver);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening: the dedicated connection is closed, which ends the listener's wait at once. */
    @Override
    public void close() {
        closed.set(true);
        Connection c = connection.get();
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "closing the listener connection: " + e.getMessage());
            }
        }
    }
}
