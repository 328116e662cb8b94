package net.defarm.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The named counters are swept of ended windows now and then, not on every hit once there are many. */
class LocalRateLimiterTest {

    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    private static void fill(LocalRateLimiter limiter, String prefix, Duration window, Instant at) {
        for (int i = 0; i <= 10_000; i++) {
            limiter.hit(prefix + i, 5, window, at);
        }
    }

    @Test
    void manyNamesAreSweptAtMostOncePerMinuteAndEndedWindowsGoAtTheNextSweep() {
        LocalRateLimiter limiter = new LocalRateLimiter();
        fill(limiter, "a", Duration.ofMinutes(1), T);
        limiter.hit("first", 5, Duration.ofMinutes(1), T.plusSeconds(60));
        assertEquals(1, limiter.size(), "the ended minute was swept");

        fill(limiter, "b", Duration.ofSeconds(1), T.plusSeconds(60));
        limiter.hit("second", 5, Duration.ofSeconds(1), T.plusSeconds(61));
        assertTrue(limiter.size() > 10_000, "no second scan within the minute");

        limiter.hit("third", 5, Duration.ofSeconds(1), T.plusSeconds(120));
        assertEquals(1, limiter.size(), "swept again a minute later");
        assertEquals(0, limiter.hit("third", 1, Duration.ofSeconds(1), T.plusSeconds(120)).remaining());
    }
}
