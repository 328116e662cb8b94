package net.defarm.application.identity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-instance fixed-window limiter: each instance counts on its own, so N instances allow up to N times the
 * limit. Used when no shared limiter is configured and while the shared one is unreachable.
 */
public final class LocalRateLimiter implements RateLimiter {

    static final long WINDOW_SECONDS = 3600;

    private record Window(long start, int count) {
    }

    private final Map<UUID, Window> windows = new ConcurrentHashMap<>();

    public static long windowStart(Instant now) {
        return now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), WINDOW_SECONDS);
    }

    @Override
    public Decision check(UUID keyId, int limitPerHour, Instant now) {
        long start = windowStart(now);
        Instant reset = Instant.ofEpochSecond(start + WINDOW_SECONDS);
        // Old windows are replaced on their key's next request, so the map holds one entry per key in use.
        Window w = windows.compute(keyId, (id, old) -> old == null || old.start() != start ? new Window(start, 1)
                : new Window(start, old.count() + 1));
        boolean allowed = w.count() <= limitPerHour;
        return new Decision(allowed, limitPerHour, Math.max(0, limitPerHour - w.count()), reset);
    }
}
