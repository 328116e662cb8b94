package net.defarm.adapters.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.jdbc.CloseableJdbcConnectionPool;
import java.sql.Connection;
import java.sql.SQLException;
import net.defarm.application.shared.StoreUnavailableException;

/**
 * The connection pool behind Helidon's JDBC client: a HikariCP data source of ours, because Helidon's own Hikari
 * integration is not published for the Helidon version we run. The pool is built from {@link PostgresSettings}
 * only; it starts even when the database is down (readiness reports it, requests answer 503 until it is back).
 */
final class HikariConnectionPool implements CloseableJdbcConnectionPool {

    private final HikariDataSource dataSource;
    /** Per thread while a transaction is open: its connection, once Helidon or our JDBC reads have taken one. */
    private final ThreadLocal<TransactionSlot> transaction = new ThreadLocal<>();

    /**
     * The transaction's connection and whether Helidon's transaction holds it (then Helidon commits and closes
     * it). A connection our JDBC statements took first is handed to Helidon when it asks, so both run on one.
     */
    private static final class TransactionSlot {
        Connection connection;
        boolean helidonHoldsIt;
    }

    HikariConnectionPool(PostgresSettings settings, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.username() != null) {
            config.setUsername(settings.username());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setPoolName(poolName);
        // No JMX: registering the pool's MBeans creates the platform MBean server (every JDK MXBean, JFR's too), a
        // tenth of a cold start; the metrics read the pool's figures from the pool itself (stats()).
        config.setRegisterMbeans(false);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setValidationTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", "defarm-engines");
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        if (settings.transactionPooling()) {
            // Each transaction may land on another server connection: a statement prepared on one is unknown on the
            // next, and a pooler like PgBouncer 1.18 refuses (or drops) the options startup parameter. The timeout
            // and time zone then come from the role's settings (docs/scaling.md).
            config.addDataSourceProperty("prepareThreshold", "0");
        } else {
            config.addDataSourceProperty("options", "-c statement_timeout=" + settings.statementTimeout().toMillis()
                    + " -c TimeZone=UTC");
        }
        this.dataSource = new HikariDataSource(config);
    }

    /**
     * A connection for Helidon's client. Inside a transaction (Helidon asks once, lazily, on the transaction's first
     * statement, on the calling thread) it is the transaction's: the one our JDBC statements opened, if any.
     */
    @Override
    public Connection connection() {
        TransactionSlot slot = transaction.get();
        if (slot == null) {
            return borrow();
        }
        if (slot.connection == null) {
            slot.connection = borrow();
        }
        slot.helidonHoldsIt = true;
        return slot.connection;
    }

    private Connection borrow() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreUnavailableException("PostgreSQL is unavailable: " + e.getMessage(), e);
        }
    }

    /** A transaction begins on this thread; its connection is taken by its first statement. */
    void transactionBegins() {
        transaction.set(new TransactionSlot());
    }

    void transactionEnds() {
        transaction.remove();
    }

    /** The current transaction's connection, taken now (auto-commit off) if no statement has run in it yet. */
    Connection transactionConnection() throws SQLException {
        TransactionSlot slot = transaction.get();
        if (slot == null) {
            throw new IllegalStateException("no transaction on this thread");
        }
        if (slot.connection == null) {
            Connection c = borrow();
            try {
                c.setAutoCommit(false);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            slot.connection = c;
        }
        return slot.connection;
    }

    /**
     * Ends the transaction on the connection our statements took when Helidon never asked for it: commits or rolls
     * back, then returns it. False when Helidon holds it (or none was taken): Helidon's commit or rollback ends it.
     */
    boolean endOwnTransaction(boolean commit) throws SQLException {
        TransactionSlot slot = transaction.get();
        if (slot == null || slot.connection == null || slot.helidonHoldsIt) {
            return false;
        }
        Connection c = slot.connection;
        slot.connection = null;
        try (c) {
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
        return true;
    }

    /** The pool's figures right now; zeros before the pool has started. */
    PostgresDatabase.PoolStats stats() {
        var bean = dataSource.getHikariPoolMXBean();
        int max = dataSource.getMaximumPoolSize();
        if (bean == null) {
            return new PostgresDatabase.PoolStats(0, 0, 0, 0, max);
        }
        return new PostgresDatabase.PoolStats(bean.getActiveConnections(), bean.getIdleConnections(),
                bean.getThreadsAwaitingConnection(), bean.getTotalConnections(), max);
    }

    @Override
    public String dbType() {
        return "postgresql";
    }

    @Override
    public String name() {
        return dataSource.getPoolName();
    }

    @Override
    public String type() {
        return "hikari";
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
