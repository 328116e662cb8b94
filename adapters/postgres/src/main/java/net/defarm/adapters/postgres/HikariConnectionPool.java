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
    /** Per thread while a transaction is open: the connection Helidon took for it (see {@link #opened()}). */
    private final ThreadLocal<Connection[]> transactionConnection = new ThreadLocal<>();

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

    @Override
    public Connection connection() {
        try {
            Connection c = dataSource.getConnection();
            Connection[] slot = transactionConnection.get();
            if (slot != null && slot[0] == null) {
                slot[0] = c;
            }
            return c;
        } catch (SQLException e) {
            throw new StoreUnavailableException("PostgreSQL is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * A transaction begins on this thread: the next connection handed out on it is the transaction's (Helidon
     * takes it lazily, on the transaction's first statement, on the calling thread).
     */
    void transactionBegins() {
        transactionConnection.set(new Connection[1]);
    }

    void transactionEnds() {
        transactionConnection.remove();
    }

    /** The current transaction's connection, or null when it has not run a statement yet. */
    Connection opened() {
        Connection[] slot = transactionConnection.get();
        return slot == null ? null : slot[0];
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
