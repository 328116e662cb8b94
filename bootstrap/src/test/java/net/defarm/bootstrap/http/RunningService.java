package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.ApiClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A suite that talks to one assembled service over HTTP. Each concrete class names the store it runs on; the
 * PostgreSQL mode gets a fresh migrated schema of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RunningService {

    protected abstract StoreMode mode();

    protected Service service;
    protected ApiClient api;
    private TestDatabase database;

    @BeforeAll
    void startService() {
        ServiceSettings settings = switch (mode()) {
            case MEMORY -> TestSettings.memory();
            case POSTGRES -> {
                database = TestDatabase.create();
                yield TestSettings.postgres(database.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD);
            }
        };
        service = Service.start(settings);
        api = new ApiClient(service.port());
    }

    @AfterAll
    void stopService() {
        service.close();
        if (database != null) {
            database.close();
        }
    }

    protected static void assertError(Response r, int status, String code) {
        assertEquals(status, r.status(), r.body().toString());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(code, r.text("code"), r.body().toString());
        assertFalse(r.text("error").isBlank());
    }

    protected static Response ok(Response r) {
        assertEquals(200, r.status(), r.body().toString());
        return r;
    }
}
