package net.defarm.adapters.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A schema of its own on the local PostgreSQL, migrated by Flyway, dropped on close: tests
 * isolate themselves and can run again on the same machine. PostgreSQL being down fails the test; it never skips.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String URL = System.getenv().getOrDefault("TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("TEST_DATABASE_USER", "postgres");
    public static final String PASSWORD = System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", "");

    private final String schema;

    private TestDatabase(String schema) {
        this.schema = schema;
    }

    public static TestDatabase create() {
        return create(true);
    }

    /** A fresh schema, migrated to the latest version unless {@code migrate} is false. */
    public static TestDatabase create(boolean migrate) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = connect(URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
        TestDatabase db = new TestDatabase(schema);
        if (migrate) {
            PostgresMigrations.migrate(db.settings(), schema);
        }
        return db;
    }

    public String schema() {
        return schema;
    }

    public String jdbcUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public PostgresSettings settings() {
        return settings(8);
    }

    public PostgresSettings settings(int poolSize) {
        return new PostgresSettings(jdbcUrl(), USER, PASSWORD, poolSize, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** Empties every table but the migration history. */
    public void truncate() {
        try (Connection c = connect(jdbcUrl()); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema
                    + "' AND tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(schema + "." + rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                // The audit tables refuse TRUNCATE (V15); a superuser resetting a test schema sets the guards aside.
                s.execute("SET session_replication_role = replica");
                s.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("truncate failed", e);
        }
    }

    /** Runs SQL in this schema (for tests that inspect or corrupt rows on purpose). */
    public void execute(String sql) {
        try (Connection c = connect(jdbcUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count(String sql) {
        try (Connection c = connect(jdbcUrl()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    @Override
    public void close() {
        try (Connection c = connect(URL); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }
}
