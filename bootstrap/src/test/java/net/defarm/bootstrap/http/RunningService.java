package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
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
                yield TestSettings.postgres(database);
            }
            case POSTGRES_TWO_LEVEL_CACHE -> {
                database = TestDatabase.create();
                yield TestSettings.cached(database.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD,
                        CacheSettings.Kind.TWO_LEVEL, TestSettings.REDIS_PORT, "test-" + UUID.randomUUID());
            }
        };
        service = Service.start(adjust(settings));
        api = new ApiClient(service.port());
        awaitCache(service);
    }

    /** The suite's own database schema (not in memory mode), for set-up no route offers. */
    protected java.util.Optional<TestDatabase> database() {
        return java.util.Optional.ofNullable(database);
    }

    /** A suite that needs other settings (say, webhook delivery) changes them here. */
    protected ServiceSettings adjust(ServiceSettings settings) {
        return settings;
    }

    /** A cached service serves from PostgreSQL until Redis is connected; tests start once the cache is in use. */
    public static void awaitCache(Service service) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (service.cacheStatus().map(s -> s.redis().equals("degraded")).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Redis is not reachable on port " + TestSettings.REDIS_PORT + ". Start it: "
                        + "redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\" --appendonly no");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
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

    /** Creates a circuit owned by {@code owner}; returns its id. */
    protected String newCircuit(User owner, String name, String description) {
        return ok(api.post("/api/circuits", owner.token(), "{\"name\":\"" + name + "\",\"description\":\""
                + description + "\"}")).text("circuit_id");
    }

    /** Adds {@code member} to {@code circuit} with one of the base roles. */
    protected void addMember(User owner, String circuit, User member, String role) {
        ok(api.post("/api/circuits/" + circuit + "/members", owner.token(), "{\"member_id\":\"" + member.id()
                + "\",\"role\":\"" + role + "\"}"));
    }

    /** A canonical SISBOV identifier, as the JSON object of an item's identifier list. */
    protected static String sisbov(String value) {
        return "{\"namespace\":\"bovino\",\"key\":\"sisbov\",\"value\":\"" + value + "\",\"id_type\":\"Canonical\"}";
    }

    /** A well-formed SISBOV number no other test uses. */
    protected static String randomSisbov() {
        return "BR" + (100_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 899_999_999_999L));
    }
}
