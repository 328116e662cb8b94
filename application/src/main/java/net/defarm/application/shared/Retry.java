package net.defarm.application.shared;

import java.util.function.Supplier;
import net.defarm.domain.shared.StaleUpdateException;

/**
 * Runs a read-modify-write transaction again when another request changed the same aggregate first, so that two
 * concurrent changes to one circuit (say, two members added at once) both land. Bounded: after a few attempts the
 * conflict reaches the client as 409.
 */
public final class Retry {

    public static final int ATTEMPTS = 4;

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
                Thread.onSpinWait();
            }
        }
    }
}
