package net.defarm.application.shared;

import java.util.function.Supplier;

/**
 * Runs a use case's writes as one transaction: all of them are committed before the call returns, or none is.
 * Nested calls join the outer transaction. Slow work (password hashing, remote calls) stays outside.
 */
@OutboundPort
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
