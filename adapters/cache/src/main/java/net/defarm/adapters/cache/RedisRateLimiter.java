package net.defarm.adapters.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import net.defarm.application.identity.LocalRateLimiter;
import net.defarm.application.identity.RateLimiter;
import redis.clients.jedis.exceptions.JedisException;

/**
 * API-key limits and the named counters of sign-in and reset throttling, shared by every instance: one counter per
 * key (or name) and window in Redis, incremented by one atomic script (INCR, and PEXPIRE when the window is new; no
 * key scans). While Redis is unreachable each instance counts on its own ({@link LocalRateLimiter}), so the limit
 * then holds per instance instead of overall.
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

    @Override
    public Decision hit(String name, int limit, Duration window, Instant now) {
        if (!redis.healthy()) {
            return fallback.hit(name, limit, window, now);
        }
        long start = LocalRateLimiter.windowStart(now, window);
        Instant reset = Instant.ofEpochSecond(start).plus(window);
        try {
            long count = redis.countInWindow(windowName(name, window, now), window.toMillis() + 60_000);
            return new Decision(count <= limit, limit, (int) Math.max(0, limit - count), reset);
        } catch (JedisException | ClassCastException e) {
            redis.failed("rate limit", e);
            return fallback.hit(name, limit, window, now);
        }
    }

    @Override
    public void clear(String name, Duration window, Instant now) {
        fallback.clear(name, window, now);
        if (redis.healthy()) {
            try {
                redis.dropWindow(windowName(name, window, now));
            } catch (JedisException e) {
                redis.failed("rate limit", e);
            }
        }
    }

    /** Named counters live apart from key counters ({@code n:}), one per name, window length and window. */
    private static String windowName(String name, Duration window, Instant now) {
        return "n:" + window.toSeconds() + ":" + name + ":" + LocalRateLimiter.windowStart(now, window);
    }
}
