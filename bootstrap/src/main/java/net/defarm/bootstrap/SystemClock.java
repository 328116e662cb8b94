package net.defarm.bootstrap;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.defarm.application.shared.Clock;

/** Wall-clock time in UTC, truncated to microseconds (what PostgreSQL keeps), so every store round-trips it. */
final class SystemClock implements Clock {

    @Override
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
