package net.defarm.bootstrap;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.defarm.application.identity.KeyUsage;

/**
 * Writes the API-key usage counted in memory every interval and once more when the service stops. A crash loses
 * at most one interval of counts (never a key, a permission or a limit).
 */
final class KeyUsageFlusher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KeyUsageFlusher.class.getName());

    private final KeyUsage usage;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("defarm-key-usage").factory());

    KeyUsageFlusher(KeyUsage usage, Duration interval) {
        this.usage = usage;
        timer.scheduleWithFixedDelay(this::flushQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void flush() {
        usage.flush();
    }

    private void flushQuietly() {
        try {
            usage.flush();
        } catch (RuntimeException e) {
            // The counts stay in memory and go with the next flush.
            LOG.log(Level.WARNING, "writing API-key usage failed, retrying at the next interval: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }
}
