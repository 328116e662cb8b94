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
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.testing.ClassStore;

/**
 * Stores reached through a real PgBouncer in transaction mode, one database of their own per test class. A database,
 * not a schema: a schema is chosen by {@code search_path} at login, which a transaction pooler does not carry over to
 * the server connection a transaction lands on. Migrations and LISTEN take the direct URL, as in production.
 */
final class PgBouncerStoreTests implements ClassStore {

    /** Server connections PgBouncer opens to PostgreSQL. */
    static final int SERVER_CONNECTIONS = 5;

    private final String database = "t_pgb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private PgBouncer bouncer;
    private final List<PostgresStorage> opened = new ArrayList<>();

    @Override
    public PgBouncerStoreTests open() {
        try (Connection c = DriverManager.getConnection(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable at " + TestDatabase.URL + ": " + e.getMessage(), e);
        }
        bouncer = PgBouncer.start(database, SERVER_CONNECTIONS);
        PostgresMigrations.migrate(settings(1));
        opened.add(PostgresStorage.open(settings(8)));
        return this;
    }

    /** Settings through the pooler (client connections: {@code poolSize}), with the direct URL for sessions. */
    PostgresSettings settings(int poolSize) {
        return new PostgresSettings(bouncer.jdbcUrl(database), TestDatabase.USER, TestDatabase.PASSWORD, poolSize,
                Duration.ofSeconds(10), Duration.ofSeconds(10)).behindPooler(true, directUrl());
    }

    /** The class's store, emptied. */
    StoragePorts fresh() {
        truncate();
        return opened.getFirst().ports();
    }

    /** One more instance of the service on the same database: its own pool of {@code poolSize} client connections. */
    PostgresStorage instance(int poolSize) {
        PostgresStorage storage = PostgresStorage.open(settings(poolSize));
        opened.add(storage);
        return storage;
    }

    PgBouncer bouncer() {
        return bouncer;
    }

    private String directUrl() {
        int slash = TestDatabase.URL.lastIndexOf('/');
        return TestDatabase.URL.substring(0, slash + 1) + database;
    }

    /** Empties every table but the migration history, directly (TRUNCATE takes locks a pooler need not see). */
    void truncate() {
        try (Connection c = DriverManager.getConnection(directUrl(), TestDatabase.USER, TestDatabase.PASSWORD);
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    + "AND tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add("public." + rs.getString(1));
                }
            }
            // The audit tables refuse TRUNCATE (V15); a superuser resetting a test schema sets the guards aside.
            s.execute("SET session_replication_role = replica");
            s.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("truncate failed", e);
        }
    }

    @Override
    public void close() {
        opened.forEach(PostgresStorage::close);
        if (bouncer != null) {
            bouncer.close();
        }
        try (Connection c = DriverManager.getConnection(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + database, e);
        }
    }
}
