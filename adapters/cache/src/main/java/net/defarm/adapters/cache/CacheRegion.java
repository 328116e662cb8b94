package net.defarm.adapters.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One kind of cached entry (items by DFID, users by id, ...): an optional in-process tier (Caffeine), an optional
 * shared tier (Redis), and the store behind them. Entries are {@code Optional}s, so "known not to exist" is cached
 * too, for a shorter time.
 *
 * <p>Why a reader can never put back a value a writer has just replaced: in process, Caffeine runs one load per key
 * and an invalidation waits for an in-flight load, then discards its result; in Redis, the reader reads the entry's
 * token before loading and stores only if the token is unchanged, and every invalidation writes a new token.
 */
final class CacheRegion<V> {

    private final String name;
    private final JavaType type;
    private final CacheSettings settings;
    private final CacheCodec codec;
    private final CachingUnitOfWork transactions;
    private final RedisLink redis;
    private final LoadHook hook;
    private final Cache<String, Optional<V>> local;
    private final LongAdder localHits = new LongAdder();
    private final LongAdder sharedHits = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder loadNanos = new LongAdder();
    private final LongAdder bypasses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder undecodable = new LongAdder();
    private final LongAdder coalesced = new LongAdder();
    /** Loads in flight outside Caffeine (Redis-only, or while Redis is unavailable): one per key at a time. */
    private final Map<String, CompletableFuture<Optional<V>>> inflight = new ConcurrentHashMap<>();

    CacheRegion(String name, JavaType type, CacheSettings settings, CacheCodec codec, CachingUnitOfWork transactions,
                RedisLink redis, LoadHook hook) {
        this.name = name;
        this.type = type;
        this.settings = settings;
        this.codec = codec;
        this.transactions = transactions;
        this.redis = redis;
        this.hook = hook;
        this.local = settings.kind().usesL1() ? Caffeine.newBuilder()
                .maximumSize(settings.l1MaxEntries())
                .expireAfter(Expiry.<String, Optional<V>>writing((key, value) -> value.isPresent() ? settings.l1Ttl()
                        : min(settings.negativeTtl(), settings.l1Ttl())))
                .removalListener((String key, Optional<V> value, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        evictions.increment();
                    }
                })
                .build() : null;
    }

    String name() {
        return name;
    }

    /** The entry for {@code id}, from the nearest tier that has it, else from {@code store} (and then cached). */
    Optional<V> get(String id, Supplier<Optional<V>> store) {
        if (transactions.inProgress()) {
            bypasses.increment();
            return store.get();
        }
        boolean shared = redis != null && redis.healthy();
        if (local != null && (redis == null || shared)) {
            boolean[] loaded = {false};
            Optional<V> value = local.get(id, key -> {
                loaded[0] = true;
                return shared ? fromRedis(key, store) : loadOnce(key, store);
            });
            if (!loaded[0]) {
                localHits.increment();
            }
            return value;
        }
        if (shared) {
            return fromRedis(id, store);
        }
        bypasses.increment();
        return loadOnce(id, store);
    }

    /** Drops the entry everywhere; called once the write that changed it has committed. Never throws. */
    void invalidate(String id) {
        if (redis != null && redis.healthy()) {
            try {
                redis.invalidate(redis.key(redis.epoch(), name, id), name, id);
            } catch (JedisException e) {
                errors.increment();
                redis.failed("invalidate", e);
            }
        }
        // Readers arriving from now on must not join a load that may have read the old value.
        inflight.remove(id);
        if (local != null) {
            local.invalidate(id);
        }
    }

    /**
     * For a store write that changed the entries of {@code ids}: drops them once the write's transaction has ended
     * (at once outside a transaction), and hands back the write's answer.
     */
    <T> T afterWrite(T answer, Collection<String> ids) {
        transactions.afterCommit(() -> ids.forEach(this::invalidate));
        return answer;
    }

    /** {@link #afterWrite(Object, Collection)} for a write with no answer. */
    void afterWrite(Collection<String> ids) {
        afterWrite(null, ids);
    }

    /** {@link #afterWrite(Object, Collection)} for one entry. */
    <T> T afterWrite(T answer, String id) {
        return afterWrite(answer, List.of(id));
    }

    /** Another instance invalidated the entry. */
    void dropLocal(String id) {
        if (local != null) {
            local.invalidate(id);
        }
    }

    void dropAllLocal() {
        if (local != null) {
            local.invalidateAll();
        }
    }

    private Optional<V> fromRedis(String id, Supplier<Optional<V>> store) {
        String key = redis.key(redis.epoch(), name, id);
        RedisLink.Read read;
        try {
            read = redis.read(key);
        } catch (JedisException e) {
            errors.increment();
            redis.failed("read", e);
            return loadOnce(id, store);
        }
        if (read.value() != null) {
            Optional<Optional<V>> decoded = codec.decode(read.value(), type);
            if (decoded.isPresent()) {
                sharedHits.increment();
                return decoded.get();
            }
            undecodable.increment();
        }
        Optional<V> value = loadOnce(id, store);
        try {
            redis.setIfUnchanged(key, read.token(), codec.encode(value), sharedTtlMillis(value));
        } catch (JedisException e) {
            errors.increment();
            redis.failed("write", e);
        }
        return value;
    }

    /**
     * Loads from the store, sharing one load among concurrent readers of the same key (no stampede on PostgreSQL
     * when a popular entry expires or while Redis is down). An invalidation detaches the shared load, so a reader
     * that comes after a write never receives a value read before it.
     */
    private Optional<V> loadOnce(String id, Supplier<Optional<V>> store) {
        CompletableFuture<Optional<V>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<V>> running = inflight.putIfAbsent(id, mine);
        if (running != null) {
            coalesced.increment();
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Optional<V> value = load(id, store);
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inflight.remove(id, mine);
        }
    }

    private Optional<V> load(String id, Supplier<Optional<V>> store) {
        long start = System.nanoTime();
        Optional<V> value = store.get();
        loads.increment();
        loadNanos.add(System.nanoTime() - start);
        hook.afterLoad(name, id);
        return value;
    }

    private long sharedTtlMillis(Optional<V> value) {
        if (value.isEmpty()) {
            return settings.negativeTtl().toMillis();
        }
        long base = settings.redisTtl().toMillis();
        double jitter = settings.ttlJitter() == 0 ? 0
                : ThreadLocalRandom.current().nextDouble(-settings.ttlJitter(), settings.ttlJitter());
        return Math.max(1, Math.round(base * (1 + jitter)));
    }

    private static java.time.Duration min(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Counters since start. */
    RegionStats stats() {
        return new RegionStats(name, localHits.sum(), sharedHits.sum(), loads.sum(), loadNanos.sum(), bypasses.sum(),
                coalesced.sum(), evictions.sum(), errors.sum(), undecodable.sum(),
                local == null ? 0 : local.estimatedSize());
    }
}
