package net.defarm.bootstrap.support;

import java.time.Duration;

/** Waits in tests; an interrupt fails the test rather than being swallowed. */
public final class Pause {

    private Pause() {
    }

    public static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static void millis(long millis) {
        sleep(Duration.ofMillis(millis));
    }
}
