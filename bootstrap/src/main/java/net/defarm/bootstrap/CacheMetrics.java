package net.defarm.bootstrap;

import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import net.defarm.adapters.cache.CacheTier;
import net.defarm.adapters.cache.RegionStats;

/**
 * The cache tier's figures at {@code /observe/metrics}, per region ({@code cache} tag): hits by tier, loads from
 * PostgreSQL (misses) and their time, bypasses, evictions, Redis errors, undecodable entries, in-process size; and
 * the Redis link's state and epoch. Read from the tier's counters at scrape time; nothing is counted twice.
 */
final class CacheMetrics implements AutoCloseable {

    private final MeterRegistry registry = Metrics.globalRegistry();
    private final List<Meter> meters = new ArrayList<>();

    CacheMetrics(CacheTier tier) {
        for (RegionStats region : tier.stats()) {
            String name = region.region();
            counter(tier, name, "cache.hits", "tier", "local", RegionStats::localHits, "reads served in process");
            counter(tier, name, "cache.hits", "tier", "redis", RegionStats::sharedHits, "reads served by Redis");
            counter(tier, name, "cache.loads", null, null, RegionStats::loads, "misses loaded from PostgreSQL");
            counter(tier, name, "cache.bypasses", null, null, RegionStats::bypasses,
                    "reads that skipped the cache (in a transaction, or Redis unavailable)");
            counter(tier, name, "cache.coalesced", null, null, RegionStats::coalesced,
                    "reads that shared a concurrent reader's load instead of querying again");
            counter(tier, name, "cache.evictions", null, null, RegionStats::evictions, "in-process evictions");
            counter(tier, name, "cache.errors", null, null, RegionStats::errors, "failed Redis calls");
            counter(tier, name, "cache.undecodable", null, null, RegionStats::undecodable,
                    "Redis entries that could not be decoded (treated as misses)");
            meters.add(registry.getOrCreate(Gauge.builder("cache.load.seconds", tier,
                    t -> stat(t, name, RegionStats::loadNanos) / 1e9).addTag(Tag.create("cache", name))
                    .description("time spent loading misses from PostgreSQL").scope("vendor")));
            meters.add(registry.getOrCreate(Gauge.builder("cache.size", tier,
                    t -> stat(t, name, RegionStats::localSize)).addTag(Tag.create("cache", name))
                    .description("entries held in process").scope("vendor")));
        }
        meters.add(registry.getOrCreate(Gauge.builder("cache.redis.healthy", tier,
                t -> "healthy".equals(t.status().redis()) ? 1 : 0).description("1 while the Redis tier is in use")
                .scope("vendor")));
        meters.add(registry.getOrCreate(Gauge.builder("cache.redis.epoch", tier, t -> t.status().epoch())
                .description("the Redis key epoch (moves on after every outage)").scope("vendor")));
    }

    private void counter(CacheTier tier, String region, String name, String tagName, String tagValue,
                         ToLongFunction<RegionStats> value, String description) {
        FunctionalCounter.Builder<?> builder = FunctionalCounter.builder(name, tier,
                t -> stat(t, region, value)).addTag(Tag.create("cache", region)).description(description)
                .scope("vendor");
        if (tagName != null) {
            builder.addTag(Tag.create(tagName, tagValue));
        }
        meters.add(registry.getOrCreate(builder));
    }

    private static long stat(CacheTier tier, String region, ToLongFunction<RegionStats> value) {
        return tier.stats(region).map(value::applyAsLong).orElse(0L);
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
