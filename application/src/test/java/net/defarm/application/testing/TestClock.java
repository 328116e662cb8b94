package net.defarm.application.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.defarm.application.shared.Clock;

/** A clock tests move by hand; every reading advances one microsecond so timestamps stay strictly ordered. */
public final class TestClock implements Clock {

    private final AtomicReference<Instant> now;

    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start.truncatedTo(ChronoUnit.MICROS));
    }

    public TestClock() {
        this(Instant.parse("2025-12-03T10:15:30.123456Z"));
    }

    @Override
    public Instant now() {
        return now.getAndUpdate(t -> t.plus(1, ChronoUnit.MICROS));
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    public void set(Instant instant) {
        now.set(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
