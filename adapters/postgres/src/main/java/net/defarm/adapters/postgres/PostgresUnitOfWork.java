package net.defarm.adapters.postgres;

import io.helidon.dbclient.DbTransaction;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;
import net.defarm.application.shared.UnitOfWork;

/**
 * One PostgreSQL transaction per unit of work, bound to the calling thread. Committed before the use case returns
 * (nothing is acknowledged before it is durable); rolled back on any failure.
 */
public final class PostgresUnitOfWork implements UnitOfWork {

    private static final System.Logger LOG = System.getLogger(PostgresUnitOfWork.class.getName());

    private final PostgresDatabase db;

    public PostgresUnitOfWork(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (db.current() != null) {
            return work.get();
        }
        DbTransaction tx = db.begin();
        boolean committed = false;
        try {
            T result = work.get();
            if (!db.endOwnTransaction(true)) {
                tx.commit();
            }
            committed = true;
            return result;
        } catch (RuntimeException e) {
            throw PostgresDatabase.translate(e);
        } finally {
            if (!committed) {
                rollbackQuietly(tx);
            }
            db.end();
        }
    }

    /**
     * A savepoint in the current transaction: released when {@code work} returns, rolled back to when it throws
     * (the transaction stays usable even after a failed statement). Nested savepoints may share the name: each
     * command acts on the most recent one.
     */
    @Override
    public <T> T inSavepoint(Supplier<T> work) {
        DbTransaction tx = db.current();
        if (tx == null) {
            return inTransaction(work);
        }
        db.run(ex -> ex.dml("SAVEPOINT part"));
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            db.run(ex -> ex.dml("ROLLBACK TO SAVEPOINT part"));
            db.run(ex -> ex.dml("RELEASE SAVEPOINT part"));
            throw PostgresDatabase.translate(e);
        }
        db.run(ex -> ex.dml("RELEASE SAVEPOINT part"));
        return result;
    }

    /** Rolls back on the transaction's connection, whoever took it (our reads alone, or Helidon). */
    private void rollbackQuietly(DbTransaction tx) {
        try {
            if (!db.endOwnTransaction(false)) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            // The connection may be gone; the database discards the transaction when it notices.
            LOG.log(Level.DEBUG, "rollback failed: " + e.getMessage());
        }
    }
}
