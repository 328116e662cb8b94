package net.defarm.bootstrap.postgres;

import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.TestSettings;

/** Two service instances on one fresh test database; closing stops B, then A, then drops the database. */
record TwoServices(TestDatabase database, Service a, Service b) implements AutoCloseable {

    static TwoServices start() {
        return start(TestSettings::postgres);
    }

    /** Both instances with the settings {@code settings} gives for the fresh database (a cache tier, say). */
    static TwoServices start(java.util.function.Function<TestDatabase, ServiceSettings> settings) {
        TestDatabase database = TestDatabase.create();
        try {
            Service a = Service.start(settings.apply(database));
            try {
                return new TwoServices(database, a, Service.start(settings.apply(database)));
            } catch (RuntimeException | Error e) {
                a.close();
                throw e;
            }
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            b.close();
        } finally {
            try {
                a.close();
            } finally {
                database.close();
            }
        }
    }
}
