package net.defarm.adapters.cache;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.defarm.application.shared.UnitOfWork;

/**
 * The store's unit of work, plus what the cache needs from it: reads inside a transaction go straight to the store
 * (they must see the transaction's own writes, and must not publish values that may yet roll back), and
 * invalidations run once the outermost transaction has ended, so no reader can reload the old value after them.
 * They also run when the transaction failed: a commit whose acknowledgement was lost may still have happened, and
 * an unneeded invalidation costs only a miss.
 */
final class CachingUnitOfWork implements UnitOfWork {

    private static final System.Logger LOG = System.getLogger(CachingUnitOfWork.class.getName());

    private final UnitOfWork store;
    private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

    CachingUnitOfWork(UnitOfWork store) {
        this.store = store;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (pending.get() != null) {
            return work.get();
        }
        List<Runnable> actions = new ArrayList<>();
        pending.set(actions);
        try {
            return store.inTransaction(work);
        } finally {
            pending.remove();
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    // Invalidation never fails the caller; the cache marks itself degraded when Redis is at fault.
                    LOG.log(Level.WARNING, "cache invalidation failed: " + e);
                }
            }
        }
    }

    /** Invalidations already wait for the outermost transaction to end, whatever became of the savepoint. */
    @Override
    public <T> T inSavepoint(Supplier<T> work) {
        return pending.get() == null ? inTransaction(work) : store.inSavepoint(work);
    }

    /** Whether the calling thread is inside a transaction. */
    boolean inProgress() {
        return pending.get() != null;
    }

    /** Runs {@code action} when the current transaction has ended, or at once outside a transaction. */
    void afterCommit(Runnable action) {
        List<Runnable> actions = pending.get();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
    }
}
