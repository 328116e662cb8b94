package net.defarm.application.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A per-instance fixed-window limiter: each instance counts on its own, so N instances allow up to N times the
 * limit. Used when no shared limiter is configured and while the shared one is unreachable.
 */
public final class LocalRateLimiter implements RateLimiter {

    static final long WINDOW_SECONDS = 3600;
    /** Named counters (one per username or address tried) are swept of ended windows past this many... */
    private static final int SWEEP_ABOVE = 10_000;
    /** ...at most once a minute, so a flood of names costs one scan a minute rather than one per request. */
    private static final long SWEEP_EVERY_SECONDS = 60;

    private record Window(long start, int count) {
    }

    private record Named(long start, long end, int count) {
    }

    private final Map<UUID, Window> windows = new ConcurrentHashMap<>();
    private final Map<String, Named> named = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

    public static long windowStart(Instant now) {
        return windowStart(now, Duration.ofSeconds(WINDOW_SECONDS));
    }

    /** The start, in Unix seconds, of the fixed window of length {@code window} that holds {@code now}. */
    public static long windowStart(Instant now, Duration window) {
        long length = Math.max(1, window.toSeconds());
        return now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), length);
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

    @Override
    public Decision hit(String name, int limit, Duration window, Instant now) {
        long start = windowStart(now, window);
        long end = start + Math.max(1, window.toSeconds());
        long seconds = now.getEpochSecond();
        long due = nextSweep.get();
        if (named.size() > SWEEP_ABOVE && seconds >= due
                && nextSweep.compareAndSet(due, seconds + SWEEP_EVERY_SECONDS)) {
            named.values().removeIf(n -> n.end() <= seconds);
        }
        Named n = named.compute(key(name, window), (k, old) -> old == null || old.start() != start
                ? new Named(start, end, 1) : new Named(start, end, old.count() + 1));
        return new Decision(n.count() <= limit, limit, Math.max(0, limit - n.count()), Instant.ofEpochSecond(end));
    }

    @Override
    public void clear(String name, Duration window, Instant now) {
        named.remove(key(name, window));
    }

    private static String key(String name, Duration window) {
        return window.toSeconds() + ":" + name;
    }

    /** How many named counters are held (ended windows included until they are swept). */
    int size() {
        return named.size();
    }
}
