package net.defarm.adapters.memory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import net.defarm.application.shared.UnitOfWork;

/**
 * Transactions for the memory store without a store-wide lock: each write made inside a unit of work registers
 * how to undo itself, and a failure undoes them in reverse order. Writes outside a unit of work apply at once.
 * Isolation is read-committed at best; version checks on every update keep concurrent writers from overwriting
 * each other, and {@link #hold(Lock)} keeps locks taken by a repository until the unit of work ends.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

    private final ThreadLocal<Journal> current = new ThreadLocal<>();

    private static final class Journal {
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private final Deque<Lock> locks = new ArrayDeque<>();
        private final Deque<Runnable> afterCommit = new ArrayDeque<>();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Journal journal = new Journal();
        current.set(journal);
        boolean committed = false;
        try {
            T result = work.get();
            committed = true;
            return result;
        } finally {
            current.remove();
            if (!committed) {
                journal.undo.forEach(Runnable::run);
            }
            journal.locks.forEach(Lock::unlock);
            if (committed) {
                journal.afterCommit.forEach(Runnable::run);
            }
        }
    }

    /**
     * Remembers how far the journal reached; if {@code work} throws, the writes it made are undone and the
     * after-commit actions it added dropped. Its locks stay held until the transaction ends, like all others.
     */
    @Override
    public <T> T inSavepoint(Supplier<T> work) {
        Journal journal = current.get();
        if (journal == null) {
            return inTransaction(work);
        }
        int undoMark = journal.undo.size();
        int afterCommitMark = journal.afterCommit.size();
        boolean done = false;
        try {
            T result = work.get();
            done = true;
            return result;
        } finally {
            if (!done) {
                while (journal.undo.size() > undoMark) {
                    journal.undo.pop().run();
                }
                while (journal.afterCommit.size() > afterCommitMark) {
                    journal.afterCommit.removeLast();
                }
            }
        }
    }

    /** Runs {@code action} once the current transaction has committed (at once outside a transaction). */
    void afterCommit(Runnable action) {
        Journal journal = current.get();
        if (journal == null) {
            action.run();
        } else {
            journal.afterCommit.addLast(action);
        }
    }

    /** Records how to undo a write that was just applied (no-op outside a transaction). */
    void onRollback(Runnable undo) {
        Journal journal = current.get();
        if (journal != null) {
            journal.undo.push(undo);
        }
    }

    /** Takes the lock and keeps it until the current transaction ends. */
    void hold(Lock lock) {
        Journal journal = current.get();
        if (journal == null) {
            throw new IllegalStateException("locks are only held inside a transaction");
        }
        lock.lock();
        journal.locks.push(lock);
    }

    boolean inTransaction() {
        return current.get() != null;
    }
}
