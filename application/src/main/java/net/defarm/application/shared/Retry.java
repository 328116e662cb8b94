package net.defarm.application.shared;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import net.defarm.domain.shared.StaleUpdateException;

/**
 * Runs a read-modify-write transaction again when another request changed the same aggregate first, so that two
 * concurrent changes to one circuit (say, two members added at once) both land. Between attempts the caller sleeps
 * for a growing, jittered pause: under CPU load the writer that won may be descheduled before it commits, and
 * retrying at once would lose again.
 * Bounded: after {@link #ATTEMPTS} attempts (about half a second of pauses) the conflict reaches the client as 409.
 */
public final class Retry {

    public static final int ATTEMPTS = 10;
    private static final long FIRST_PAUSE_MILLIS = 1;
    private static final long MAX_PAUSE_MILLIS = 128;

    private Retry() {
    }

    public static <T> T onStale(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (StaleUpdateException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                pause(attempt, e);
            }
        }
    }

    private static void pause(int attempt, StaleUpdateException conflict) {
        long ceiling = Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << (attempt - 1));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw conflict;
        }
    }
}
