package net.defarm.application.shared;

import java.util.function.Supplier;

/**
 * Runs a use case's writes as one transaction: all of them are committed before the call returns, or none is.
 * Nested calls join the outer transaction. Slow work (password hashing, remote calls) stays outside.
 */
@OutboundPort
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code work} inside the current transaction so that, if it throws, only its own writes are undone and
     * the transaction goes on (a savepoint); outside a transaction it is a transaction of its own. A batch uses it
     * to commit many independent writes at once while each one still succeeds or fails alone.
     */
    <T> T inSavepoint(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
