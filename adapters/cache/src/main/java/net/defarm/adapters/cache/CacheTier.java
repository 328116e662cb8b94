package net.defarm.adapters.cache;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.identity.RateLimiter;
import net.defarm.application.storage.StoragePorts;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.items.Item;

/**
 * The cache tier in front of a store: the same ports, with the read-mostly ones (items by DFID and by LID, users
 * by id, circuits by id, a user's circuits, an item's timeline) decorated. Lists and queries always go to the
 * store. Open it once per process; close it on shutdown.
 */
public final class CacheTier implements AutoCloseable {

    /** Whether the tier is using Redis right now, and at which key epoch. */
    public record Status(String kind, String redis, long epoch, long redisErrors, long recoveries) {
    }

    static final String ITEMS = "item";
    static final String LIDS = "lid";
    static final String USERS = "user";
    static final String CIRCUITS = "circuit";
    static final String MEMBERSHIPS = "member-circuits";
    static final String TIMELINES = "timeline";

    private final CacheSettings settings;
    private final StoragePorts ports;
    private final RedisLink redis;
    private final Map<String, CacheRegion<?>> regions = new ConcurrentHashMap<>();

    private CacheTier(CacheSettings settings, StoragePorts store, LoadHook hook) {
        if (settings.kind() == CacheSettings.Kind.NONE) {
            throw new IllegalArgumentException("cache kind 'none' needs no cache tier");
        }
        this.settings = settings;
        this.redis = settings.kind().usesRedis() ? new RedisLink(settings, new RedisLink.Listener() {
            @Override
            public void invalidated(String region, String id) {
                CacheRegion<?> r = regions.get(region);
                if (r != null) {
                    r.dropLocal(id);
                }
            }

            @Override
            public void reset() {
                regions.values().forEach(CacheRegion::dropAllLocal);
            }
        }) : null;
        CacheCodec codec = new CacheCodec();
        CachingUnitOfWork transactions = new CachingUnitOfWork(store.unitOfWork());
        CacheRegion<Item> items = region(ITEMS, codec.type(Item.class), codec, transactions, hook);
        CacheRegion<String> lids = region(LIDS, codec.type(String.class), codec, transactions, hook);
        CacheRegion<UserAccount> users = region(USERS, codec.type(UserAccount.class), codec, transactions, hook);
        CacheRegion<Circuit> circuits = region(CIRCUITS, codec.type(Circuit.class), codec, transactions, hook);
        CacheRegion<Set<UUID>> memberships = region(MEMBERSHIPS, codec.type(Set.class, UUID.class), codec,
                transactions, hook);
        CacheRegion<Timeline> timelines = region(TIMELINES, codec.type(Timeline.class), codec, transactions, hook);
        this.ports = StoragePorts.builder(store)
                .unitOfWork(transactions)
                .users(new CachingUserAccountRepository(store.users(), users))
                .credits(new CachingCreditLedger(store.credits(), users))
                .items(new CachingItemRepository(store.items(), items))
                .lidMappings(new CachingLidMappingRepository(store.lidMappings(), lids))
                .events(new CachingEventRepository(store.events(), timelines, settings.maxTimelineEvents()))
                .circuits(new CachingCircuitRepository(store.circuits(), circuits, memberships, transactions))
                .memberCircuits(new CachingMemberCircuits(store.memberCircuits(), memberships))
                .build();
    }

    public static CacheTier open(CacheSettings settings, StoragePorts store) {
        return new CacheTier(settings, store, LoadHook.NONE);
    }

    /** With a hook called after every load from the store (tests use it to pause a reader). */
    public static CacheTier open(CacheSettings settings, StoragePorts store, LoadHook hook) {
        return new CacheTier(settings, store, hook);
    }

    private <V> CacheRegion<V> region(String name, com.fasterxml.jackson.databind.JavaType type, CacheCodec codec,
                                      CachingUnitOfWork transactions, LoadHook hook) {
        CacheRegion<V> region = new CacheRegion<>(name, type, settings, codec, transactions, redis, hook);
        regions.put(name, region);
        return region;
    }

    /** The store's ports with the cache in front. */
    public StoragePorts ports() {
        return ports;
    }

    public CacheSettings settings() {
        return settings;
    }

    public List<RegionStats> stats() {
        return regions.values().stream().map(CacheRegion::stats)
                .sorted(java.util.Comparator.comparing(RegionStats::region)).toList();
    }

    /** One region's figures (metrics read them one at a time). */
    public java.util.Optional<RegionStats> stats(String region) {
        return java.util.Optional.ofNullable(regions.get(region)).map(CacheRegion::stats);
    }

    /** A limiter shared through Redis when this tier uses Redis; empty otherwise. */
    public Optional<RateLimiter> sharedRateLimiter() {
        return redis == null ? Optional.empty() : Optional.of(new RedisRateLimiter(redis));
    }

    public Status status() {
        if (redis == null) {
            return new Status(settings.kind().key(), "not used", 0, 0, 0);
        }
        return new Status(settings.kind().key(), redis.state().name().toLowerCase(java.util.Locale.ROOT),
                redis.epoch(), redis.errors(), redis.recoveries());
    }

    /** The Redis key of an entry now (tests corrupt entries through it). */
    String redisKey(String region, String id) {
        return redis.key(redis.epoch(), region, id);
    }

    boolean redisHealthy() {
        return redis != null && redis.healthy();
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
