package net.defarm.adapters.postgres;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import net.defarm.application.shared.StoreUnavailableException;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.DomainException;

/**
 * The connection to PostgreSQL: a Helidon DB Client over a HikariCP pool, the transaction bound to the current
 * thread by {@link PostgresUnitOfWork}, a count of executed statements, and the translation of driver failures into
 * the application's vocabulary (unreachable store, conflict). Blocking JDBC on virtual threads, no locks.
 */
public final class PostgresDatabase implements AutoCloseable {

    private final DbClient client;
    private final HikariConnectionPool pool;
    private final ThreadLocal<DbTransaction> transaction = new ThreadLocal<>();
    private final AtomicLong statements = new AtomicLong();

    /** The pool's figures right now (its JMX bean); zeros before the pool has started. */
    public record PoolStats(int active, int idle, int waiting, int total, int max) {
    }


    public PostgresDatabase(PostgresSettings settings) {
        this.pool = new HikariConnectionPool(settings,
                "defarm-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        this.client = JdbcClientBuilder.create()
                .connectionPool(pool)
                .addService(context -> {
                    statements.incrementAndGet();
                    return context;
                })
                .build();
    }

    /** The current transaction if one is open on this thread, otherwise auto-commit execution. */
    DbExecute execute() {
        DbTransaction tx = transaction.get();
        return tx != null ? tx : client.execute();
    }

    /** The first row of one query, mapped by {@code mapper}; empty when there is none. */
    <T> Optional<T> one(String sql, Function<PgRow, T> mapper, Object... params) {
        List<PgRow> rows = rows(sql, 1, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(mapper.apply(rows.getFirst()));
    }

    /** The rows of one query, each mapped by {@code mapper}. */
    <T> List<T> list(String sql, Function<PgRow, T> mapper, Object... params) {
        List<PgRow> rows = rows(sql, Integer.MAX_VALUE, params);
        List<T> mapped = new ArrayList<>(rows.size());
        rows.forEach(r -> mapped.add(mapper.apply(r)));
        return mapped;
    }

    /**
     * Reads run on JDBC directly (see {@link JdbcReads}): on the transaction's connection inside one, otherwise on a
     * connection borrowed for the statement. Rows are read eagerly and mapped after the connection is released.
     */
    private List<PgRow> rows(String sql, int max, Object... params) {
        statements.incrementAndGet();
        try {
            if (current() != null) {
                return JdbcReads.rows(pool.transactionConnection(), sql, max, params);
            }
            try (Connection c = pool.connection()) {
                return JdbcReads.rows(c, sql, max, params);
            }
        } catch (SQLException e) {
            throw translate(new JdbcReads.ReadFailure(sql, e));
        }
    }

    /** Runs statements, translating failures: connection problems become StoreUnavailable, the rest stays loud. */
    <T> T run(Function<DbExecute, T> work) {
        try {
            return work.apply(execute());
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * Runs several statements atomically: inside the caller's transaction if there is one, otherwise in a
     * transaction of their own. Aggregate saves use it, so an item never exists without its children.
     */
    <T> T atomically(Function<DbExecute, T> work) {
        if (current() != null) {
            return run(work);
        }
        return new PostgresUnitOfWork(this).inTransaction(() -> run(work));
    }

    DbTransaction begin() {
        try {
            pool.transactionBegins();
            DbTransaction tx = client.transaction();
            transaction.set(tx);
            return tx;
        } catch (RuntimeException e) {
            pool.transactionEnds();
            throw translate(e);
        }
    }

    DbTransaction current() {
        return transaction.get();
    }

    void end() {
        transaction.remove();
        pool.transactionEnds();
    }

    /**
     * The JDBC connection of the current transaction, for what Helidon's client cannot do (COPY). Only inside a
     * transaction; the one Helidon's statements in it use too (see {@link HikariConnectionPool}).
     */
    Connection transactionConnection() {
        if (current() == null) {
            throw new IllegalStateException("the transaction's connection is only known inside a transaction");
        }
        try {
            return pool.transactionConnection();
        } catch (SQLException e) {
            throw translate(new JdbcReads.ReadFailure("BEGIN", e));
        }
    }

    /**
     * Ends the current transaction on its connection when only our JDBC statements used it (Helidon's transaction
     * never saw it then): commits or rolls back and returns it to the pool. False when Helidon holds it.
     */
    boolean endOwnTransaction(boolean commit) {
        try {
            return pool.endOwnTransaction(commit);
        } catch (SQLException e) {
            throw translate(new JdbcReads.ReadFailure(commit ? "COMMIT" : "ROLLBACK", e));
        }
    }

    /** Statements executed so far (for tests that bound the statements per call, and for metrics). */
    public long statementCount() {
        return statements.get();
    }

    static RuntimeException translate(RuntimeException e) {
        SQLException sql = sqlCause(e);
        if (sql == null) {
            if (isConnectionFailure(e)) {
                return new StoreUnavailableException("PostgreSQL is unreachable", e);
            }
            return e;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (sql instanceof SQLTransientConnectionException || state.startsWith("08") || state.startsWith("53")
                || state.startsWith("57P") || state.equals("57014") || state.equals("25006")) {
            return new StoreUnavailableException("PostgreSQL is unavailable (" + state + "): " + sql.getMessage(), e);
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return new ConflictException("CONCURRENT_MODIFICATION",
                    "A concurrent change conflicted with this one; retry the request");
        }
        return e;
    }

    static String sqlState(RuntimeException e) {
        SQLException sql = sqlCause(e);
        return sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
    }

    static String violatedConstraint(RuntimeException e) {
        SQLException sql = sqlCause(e);
        if (sql instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
            String constraint = p.getServerErrorMessage().getConstraint();
            return constraint == null ? "" : constraint;
        }
        return "";
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.io.EOFException
                    || t instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    PoolStats poolStats() {
        return pool.stats();
    }

    @Override
    public void close() {
        try {
            client.close();
            pool.close();
        } catch (RuntimeException e) {
            System.getLogger(PostgresDatabase.class.getName()).log(System.Logger.Level.WARNING,
                    "closing the connection pool failed: " + e.getMessage());
        }
    }
}
