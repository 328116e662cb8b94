package net.defarm.adapters.cache;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Everything that talks to Redis: the pooled client for values, the subscriber that hears other instances'
 * invalidations, and the health of the link.
 *
 * <p>The cache is used only while the link is HEALTHY: the subscriber is connected (so no invalidation from another
 * instance can be missed) and the last call succeeded. Any failure makes it DEGRADED at once: requests then go
 * straight to PostgreSQL and pay no Redis timeout (this is the circuit breaker). A watchdog retries every
 * {@code retryInterval}; recovering bumps the key epoch, so that nothing written to Redis before the outage (and
 * possibly missed by an invalidation that could not be delivered) is ever read again. No command enumerates keys:
 * old epochs simply expire.
 */
final class RedisLink implements AutoCloseable {

    enum State { HEALTHY, DEGRADED, CLOSED }

    /** What the link tells the cache regions. */
    interface Listener {
        /** Another instance changed this entry: drop the in-process copy. */
        void invalidated(String region, String id);

        /** The epoch changed or the link recovered: drop every in-process entry. */
        void reset();
    }

    /** Cache schema version: part of every key, so a release that changes a value's shape never reads old ones. */
    static final String SCHEMA = "c1";

    private static final System.Logger LOG = System.getLogger(RedisLink.class.getName());

    // Sets the value only if no writer has invalidated the entry since the reader read its token.
    private static final String SET_IF_UNCHANGED = """
            local token = redis.call('GET', KEYS[2]) or ''
            if token == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0""";
    private static final String INVALIDATE = """
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
            redis.call('DEL', KEYS[1])
            redis.call('PUBLISH', ARGV[3], ARGV[4])
            return 1""";
    private static final String BUMP_EPOCH = """
            local epoch = redis.call('INCR', KEYS[1])
            redis.call('PUBLISH', ARGV[1], 'e|' .. ARGV[2] .. '|' .. epoch)
            return epoch""";
    private static final String CURRENT_EPOCH = """
            redis.call('SETNX', KEYS[1], 1)
            return tonumber(redis.call('GET', KEYS[1]))""";

    private final CacheSettings settings;
    private final RedisClient client;
    private final HostAndPort address;
    private final JedisClientConfig subscriberConfig;
    private final String base;
    private final String channel;
    private final String epochKey;
    private final String instanceId = UUID.randomUUID().toString();
    private final long tokenTtlMillis;
    private final Listener listener;
    private final AtomicReference<State> state = new AtomicReference<>(State.DEGRADED);
    private final AtomicLong epoch = new AtomicLong();
    private final LongAdder errors = new LongAdder();
    private final LongAdder recoveries = new LongAdder();
    private final Subscriber subscriber = new Subscriber();
    private final Thread subscriberThread;
    private final Thread watchdogThread;
    private volatile Jedis subscriberConnection;
    private volatile boolean subscribed;
    private volatile boolean everConnected;
    private volatile long lastPongNanos;

    private static DefaultJedisClientConfig clientConfig(CacheSettings settings, String clientName) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(settings.connectTimeout()))
                .socketTimeoutMillis(millis(settings.readTimeout()))
                .database(settings.redis().database())
                .ssl(settings.redis().ssl())
                .clientName(clientName);
        // An ACL user (Redis 6+) or the password alone (AUTH password, the default user).
        if (settings.redis().user() != null) {
            config.user(settings.redis().user());
        }
        if (settings.redis().password() != null) {
            config.password(settings.redis().password());
        }
        return config.build();
    }

    RedisLink(CacheSettings settings, Listener listener) {
        this.settings = settings;
        this.listener = listener;
        this.address = new HostAndPort(settings.redis().host(), settings.redis().port());
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(settings.poolMax());
        pool.setMaxIdle(settings.poolMax());
        pool.setMinIdle(0);
        // Jedis waits forever for a pooled connection by default; a cache must not.
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(settings.poolMaxWait());
        pool.setTestWhileIdle(true);
        this.client = RedisClient.builder().hostAndPort(address).clientConfig(clientConfig(settings, "defarm-cache"))
                .poolConfig(pool)
                .build();
        this.subscriberConfig = clientConfig(settings, "defarm-cache-subscriber");
        this.base = settings.keyPrefix() + ":" + SCHEMA;
        this.channel = base + ":invalidations";
        this.epochKey = base + ":epoch";
        this.tokenTtlMillis = Math.round(settings.redisTtl().toMillis() * (1 + settings.ttlJitter()))
                + Duration.ofMinutes(5).toMillis();
        this.subscriberThread = Thread.ofPlatform().daemon().name("defarm-cache-subscriber").unstarted(this::listen);
        this.watchdogThread = Thread.ofPlatform().daemon().name("defarm-cache-watchdog").unstarted(this::watch);
        subscriberThread.start();
        watchdogThread.start();
    }

    State state() {
        return state.get();
    }

    boolean healthy() {
        return state.get() == State.HEALTHY;
    }

    long epoch() {
        return epoch.get();
    }

    long errors() {
        return errors.sum();
    }

    long recoveries() {
        return recoveries.sum();
    }

    /** The Redis key of an entry under an epoch. */
    String key(long atEpoch, String region, String id) {
        return base + ":e" + atEpoch + ":" + region + ":" + id;
    }

    private static String tokenKey(String key) {
        return key + ":token";
    }

    /** The stored value (or null) and the entry's current invalidation token ("" when none), read atomically. */
    Read read(String key) {
        List<String> both = client.mget(key, tokenKey(key));
        String token = both.get(1);
        return new Read(both.get(0), token == null ? "" : token);
    }

    record Read(String value, String token) {
    }

    /** Stores the value unless the entry was invalidated after {@code token} was read. */
    boolean setIfUnchanged(String key, String token, String value, long ttlMillis) {
        Object done = client.eval(SET_IF_UNCHANGED, List.of(key, tokenKey(key)),
                List.of(token, value, Long.toString(ttlMillis)));
        return Long.valueOf(1).equals(done);
    }

    /** Drops the entry for everyone: a new token (so in-flight loads cannot store), and a message to the others. */
    void invalidate(String key, String region, String id) {
        client.eval(INVALIDATE, List.of(key, tokenKey(key)), List.of(UUID.randomUUID().toString(),
                Long.toString(tokenTtlMillis), channel, "i|" + instanceId + "|" + region + "|" + id));
    }

    /** One fixed window's counter: incremented, and given its lifetime when the increment created it. */
    private static final String COUNT_IN_WINDOW = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n""";

    /** Adds one to a shared window counter (one atomic script) and returns the new count. */
    long countInWindow(String name, long ttlMillis) {
        return (Long) client.eval(COUNT_IN_WINDOW, List.of(counterKey(name)), List.of(Long.toString(ttlMillis)));
    }

    /** Drops a shared window counter. */
    void dropWindow(String name) {
        client.del(counterKey(name));
    }

    private String counterKey(String name) {
        return settings.keyPrefix() + ":rl:" + name;
    }

    /** Records a failed call: the link is DEGRADED until the watchdog recovers it. */
    void failed(String what, RuntimeException e) {
        errors.increment();
        if (state.compareAndSet(State.HEALTHY, State.DEGRADED)) {
            LOG.log(Level.WARNING, "Redis unavailable (" + what + ": " + e.getMessage()
                    + "); serving from PostgreSQL until it is back");
        }
    }

    /** Becomes HEALTHY again: the first time at the shared epoch, after an outage at a new one. */
    private void recover() {
        if (state.get() == State.CLOSED) {
            return;
        }
        try {
            long current;
            if (everConnected) {
                current = (Long) client.eval(BUMP_EPOCH, List.of(epochKey), List.of(channel, instanceId));
                recoveries.increment();
            } else {
                current = (Long) client.eval(CURRENT_EPOCH, List.of(epochKey), List.of());
            }
            epoch.accumulateAndGet(current, Math::max);
            listener.reset();
            if (state.compareAndSet(State.DEGRADED, State.HEALTHY)) {
                LOG.log(Level.INFO, (everConnected ? "Redis is back; cache epoch now " : "Redis cache connected at epoch ")
                        + epoch.get());
            }
            everConnected = true;
        } catch (JedisException | ClassCastException e) {
            errors.increment();
        }
    }

    private void listen() {
        long backoff = Math.min(500, settings.retryInterval().toMillis());
        while (state.get() != State.CLOSED) {
            try (Jedis jedis = new Jedis(address, subscriberConfig)) {
                subscriberConnection = jedis;
                jedis.subscribe(subscriber, channel);
            } catch (JedisException e) {
                if (state.get() != State.CLOSED) {
                    failed("subscriber", e);
                }
            } finally {
                subscribed = false;
                subscriberConnection = null;
            }
            if (state.get() == State.CLOSED) {
                return;
            }
            // Never cache without hearing the other instances.
            if (state.compareAndSet(State.HEALTHY, State.DEGRADED)) {
                LOG.log(Level.WARNING, "Redis invalidation channel lost; serving from PostgreSQL until it is back");
            }
            sleep(backoff);
        }
    }

    private void watch() {
        long interval = settings.retryInterval().toNanos();
        while (state.get() != State.CLOSED) {
            sleep(settings.retryInterval().toMillis());
            if (!subscribed) {
                continue;
            }
            try {
                subscriber.ping();
            } catch (RuntimeException e) {
                dropSubscriber();
                continue;
            }
            // A frozen connection never errors by itself: no pong for three rounds means it is gone.
            if (System.nanoTime() - lastPongNanos > 3 * interval + settings.readTimeout().toNanos()) {
                failed("subscriber", new JedisException("no pong from Redis"));
                dropSubscriber();
            } else if (state.get() == State.DEGRADED) {
                recover();
            }
        }
    }

    private void dropSubscriber() {
        Jedis connection = subscriberConnection;
        if (connection != null) {
            try {
                connection.disconnect();
            } catch (RuntimeException ignored) {
                // it is being dropped anyway
            }
        }
    }

    private final class Subscriber extends JedisPubSub {
        @Override
        public void onSubscribe(String ch, int count) {
            subscribed = true;
            lastPongNanos = System.nanoTime();
            recover();
        }

        @Override
        public void onPong(String pattern) {
            lastPongNanos = System.nanoTime();
        }

        @Override
        public void onMessage(String ch, String message) {
            lastPongNanos = System.nanoTime();
            String[] parts = message.split("\\|", 4);
            if (parts.length < 3 || parts[1].equals(instanceId)) {
                return;
            }
            if (parts[0].equals("i") && parts.length == 4) {
                listener.invalidated(parts[2], parts[3]);
            } else if (parts[0].equals("e")) {
                try {
                    long announced = Long.parseLong(parts[2]);
                    if (epoch.getAndAccumulate(announced, Math::max) < announced) {
                        listener.reset();
                    }
                } catch (NumberFormatException e) {
                    LOG.log(Level.DEBUG, "ignored malformed cache message " + Arrays.toString(parts));
                }
            }
        }
    }

    @Override
    public void close() {
        state.set(State.CLOSED);
        try {
            if (subscriber.isSubscribed()) {
                subscriber.unsubscribe();
            }
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        dropSubscriber();
        watchdogThread.interrupt();
        subscriberThread.interrupt();
        client.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
