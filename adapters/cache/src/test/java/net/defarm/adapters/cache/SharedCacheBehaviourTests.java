package net.defarm.adapters.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.testing.TcpProxy;
import net.defarm.domain.items.Item;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;

/**
 * What the Redis-backed kinds add (CACHE-02, 05, 06, 07, 09): instances share invalidations, an outage degrades to
 * PostgreSQL without an error, nothing from before an outage is served after it, bad entries are misses, and the
 * tier never enumerates keys.
 */
abstract class SharedCacheBehaviourTests extends CacheBehaviourTests {

    private CacheSettings settings(String prefix) {
        return CachedStore.settings(kind(), prefix);
    }

    /** Settings whose Redis is reached through {@code proxy}, under a key prefix of their own. */
    private CacheSettings viaProxy(TcpProxy proxy) {
        return settings("x").withRedis(CachedStore.REDIS_HOST, proxy.port(), "test-" + UUID.randomUUID());
    }

    private static void awaitState(CacheTier tier, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!tier.status().redis().equals(state)) {
            assertTrue(System.nanoTime() < deadline, "the tier became " + state + " (is " + tier.status() + ")");
            sleep(10);
        }
    }

    @Test
    void cache02_anotherInstanceSeesAnUpdateWithinOneSecond() {
        String prefix = "test-" + UUID.randomUUID();
        try (CacheTier a = store.tier(settings(prefix), LoadHook.NONE);
             CacheTier b = store.tier(settings(prefix), LoadHook.NONE)) {
            Item item = item(a.ports(), user(a.ports()));
            b.ports().items().findByDfid(item.dfid());
            assertEquals(1, weight(b.ports().items().findByDfid(item.dfid()).orElseThrow()), "B is warm");
            enrich(a.ports(), item.dfid(), 2);
            long start = System.nanoTime();
            while (weight(b.ports().items().findByDfid(item.dfid()).orElseThrow()) != 2) {
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos(),
                        "B sees A's update within one second");
                sleep(5);
            }
            // Known absence is shared the same way: B cached "no such item", A creates it.
            String dfid = "DFID-" + UUID.randomUUID();
            assertTrue(b.ports().items().findByDfid(dfid).isEmpty());
            Item created = a.ports().unitOfWork().inTransaction(() -> a.ports().items().insert(Item.create(dfid,
                    List.of(), null, UUID.randomUUID(), item.ownerId(), now())));
            start = System.nanoTime();
            while (b.ports().items().findByDfid(dfid).isEmpty()) {
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos());
                sleep(5);
            }
            assertEquals(created, b.ports().items().findByDfid(dfid).orElseThrow());
        }
    }

    @Test
    void cache05_aDeadRedisDegradesToPostgresWithoutAnError() {
        try (TcpProxy proxy = TcpProxy.to(CachedStore.REDIS_PORT).start()) {
            CacheSettings viaProxy = settings("test-" + UUID.randomUUID()).withRedis(CachedStore.REDIS_HOST,
                    proxy.port(), "test-" + UUID.randomUUID());
            try (CacheTier tier = store.tier(viaProxy, LoadHook.NONE)) {
                StoragePorts ports = tier.ports();
                Item item = item(ports, user(ports));
                ports.items().findByDfid(item.dfid());
                proxy.cut();
                for (int i = 2; i < 30; i++) {
                    enrich(ports, item.dfid(), i);
                    assertEquals(i, weight(ports.items().findByDfid(item.dfid()).orElseThrow()));
                }
                assertEquals("degraded", tier.status().redis());
                assertTrue(tier.status().redisErrors() > 0, "errors are counted");
                proxy.start();
                awaitState(tier, "healthy");
                assertEquals(29, weight(ports.items().findByDfid(item.dfid()).orElseThrow()));
                long hits = tier.stats().stream().mapToLong(RegionStats::hits).sum();
                ports.items().findByDfid(item.dfid());
                assertTrue(tier.stats().stream().mapToLong(RegionStats::hits).sum() > hits,
                        "the cache serves again once Redis is back");
            }
        }
    }

    @Test
    void cache05_aRedisThatStopsAnsweringCostsOneTimeoutNotOnePerRequest() {
        try (TcpProxy proxy = TcpProxy.to(CachedStore.REDIS_PORT).start()) {
            CacheSettings viaProxy = viaProxy(proxy);
            try (CacheTier tier = store.tier(viaProxy, LoadHook.NONE)) {
                StoragePorts ports = tier.ports();
                List<Item> items = new ArrayList<>();
                String owner = user(ports);
                for (int i = 0; i < 20; i++) {
                    items.add(item(ports, owner));
                }
                proxy.freeze();
                ports.items().findByDfid(items.getFirst().dfid());
                long start = System.nanoTime();
                for (Item item : items) {
                    assertEquals(item.dfid(), ports.items().findByDfid(item.dfid()).orElseThrow().dfid());
                }
                long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertTrue(millis < 20 * viaProxy.readTimeout().toMillis() / 4,
                        "20 reads took " + millis + " ms: the breaker stops paying the timeout");
                assertEquals("degraded", tier.status().redis());
                proxy.thaw();
                awaitState(tier, "healthy");
            }
        }
    }

    @Test
    void cache06_afterAnOutageNothingWrittenBeforeItIsServed() {
        try (TcpProxy proxy = TcpProxy.to(CachedStore.REDIS_PORT).start()) {
            try (CacheTier tier = store.tier(viaProxy(proxy), LoadHook.NONE)) {
                StoragePorts ports = tier.ports();
                Item item = item(ports, user(ports));
                ports.items().findByDfid(item.dfid());
                ports.items().findByDfid(item.dfid());
                String before = tier.redisKey(CacheTier.ITEMS, item.dfid());
                long epoch = tier.status().epoch();
                proxy.cut();
                enrich(ports, item.dfid(), 2);
                proxy.start();
                awaitState(tier, "healthy");
                assertTrue(tier.status().epoch() > epoch, "recovering moved to a new epoch");
                try (Jedis raw = new Jedis(CachedStore.REDIS_HOST, CachedStore.REDIS_PORT)) {
                    assertTrue(raw.get(before).contains("\"peso\":1"), "the old entry is still in Redis ...");
                }
                for (int i = 0; i < 3; i++) {
                    assertEquals(2, weight(ports.items().findByDfid(item.dfid()).orElseThrow()), "... but never read");
                }
            }
        }
    }

    @Test
    void cache07_anEntryThatDoesNotDecodeIsAMissAndIsReplaced() {
        Item item = item(cached, user(cached));
        String key = store.current().redisKey(CacheTier.ITEMS, item.dfid());
        try (Jedis raw = new Jedis(CachedStore.REDIS_HOST, CachedStore.REDIS_PORT)) {
            raw.set(key, "v0|{\"an\":\"older shape\"}");
            store.current().ports().items().findByDfid(item.dfid());
            assertEquals(item.atVersion(1), cached.items().findByDfid(item.dfid()).orElseThrow());
            assertTrue(raw.get(key).startsWith("v1|{"), "the entry was replaced: " + raw.get(key));
        }
        assertTrue(stats(CacheTier.ITEMS).undecodable() >= 1);
    }

    @Test
    void cache09_noCommandEverEnumeratesKeys() throws Exception {
        List<String> commands = new CopyOnWriteArrayList<>();
        Jedis monitor = new Jedis(CachedStore.REDIS_HOST, CachedStore.REDIS_PORT);
        Thread watcher = Thread.ofPlatform().daemon().start(() -> {
            try {
                monitor.monitor(new JedisMonitor() {
                    @Override
                    public void onCommand(String command) {
                        commands.add(command);
                    }
                });
            } catch (RuntimeException e) {
                // the monitor connection is closed at the end of the test
            }
        });
        try {
            sleep(100);
            String marker = "test-" + UUID.randomUUID();
            try (TcpProxy proxy = TcpProxy.to(CachedStore.REDIS_PORT).start();
                 CacheTier tier = store.tier(settings("x").withRedis(CachedStore.REDIS_HOST, proxy.port(), marker),
                         LoadHook.NONE)) {
                StoragePorts ports = tier.ports();
                Item item = item(ports, user(ports));
                for (int i = 2; i < 5; i++) {
                    ports.items().findByDfid(item.dfid());
                    enrich(ports, item.dfid(), i);
                }
                proxy.cut();
                enrich(ports, item.dfid(), 9);
                proxy.start();
                awaitState(tier, "healthy");
                ports.items().findByDfid(item.dfid());
                ports.users().findById(item.ownerId());
            }
            sleep(100);
        } finally {
            monitor.close();
            watcher.join(2000);
        }
        assertFalse(commands.isEmpty(), "the monitor saw the workload");
        assertTrue(commands.stream().anyMatch(c -> c.toUpperCase(Locale.ROOT).contains("\"EVAL\"")));
        assertTrue(commands.stream().anyMatch(c -> c.toUpperCase(Locale.ROOT).contains("\"MGET\"")));
        for (String c : commands) {
            String upper = c.toUpperCase(Locale.ROOT);
            assertFalse(upper.contains("\"KEYS\"") || upper.contains("\"SCAN\"") || upper.contains("\"FLUSHDB\"")
                    || upper.contains("\"FLUSHALL\""), c);
        }
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
