package net.defarm.adapters.cache;

import java.time.Instant;
import java.util.UUID;
import net.defarm.application.identity.LocalRateLimiter;
import net.defarm.application.identity.RateLimiter;
import redis.clients.jedis.exceptions.JedisException;

/**
 * API-key limits shared by every instance: one counter per key and hour in Redis, incremented by one atomic script
 * (INCR, and PEXPIRE when the window is new; no key scans). While Redis is unreachable each instance counts on its
 * own ({@link LocalRateLimiter}), so the limit then holds per instance instead of overall.
 */
final class RedisRateLimiter implements RateLimiter {

    private static final long WINDOW_MILLIS = 3_600_000;

    private final RedisLink redis;
    private final RateLimiter fallback = new LocalRateLimiter();

    RedisRateLimiter(RedisLink redis) {
        this.redis = redis;
    }

    @Override
    public Decision check(UUID keyId, int limitPerHour, Instant now) {
        if (!redis.healthy()) {
            return fallback.check(keyId, limitPerHour, now);
        }
        long start = LocalRateLimiter.windowStart(now);
        Instant reset = Instant.ofEpochSecond(start).plusMillis(WINDOW_MILLIS);
        try {
            // The window outlives its hour by a minute, so instances with slightly different clocks share it.
            long count = redis.countInWindow(keyId + ":" + start, WINDOW_MILLIS + 60_000);
            return new Decision(count <= limitPerHour, limitPerHour, (int) Math.max(0, limitPerHour - count), reset);
        } catch (JedisException | ClassCastException e) {
            redis.failed("rate limit", e);
            return fallback.check(keyId, limitPerHour, now);
        }
    }
}
