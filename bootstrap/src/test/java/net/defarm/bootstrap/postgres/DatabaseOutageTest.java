package net.defarm.bootstrap.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.TestSettings;
import net.defarm.application.testing.TcpProxy;
import org.junit.jupiter.api.Test;

/**
 * The database down at start and during traffic (durability incidents, docs/storage-modes.md):
 * the process starts, liveness stays up, readiness and writes say 503 with Retry-After, and everything recovers
 * without a restart when the database is back.
 */
class DatabaseOutageTest {

    @Test
    void downAtStartThenBackThenCutMidTrafficThenBackAgain() throws Exception {
        try (TestDatabase database = TestDatabase.create(); TcpProxy proxy = TcpProxy.to(5432)) {
            String viaProxy = database.jdbcUrl().replace(":5432/", ":" + proxy.port() + "/");
            try (Service service = Service.start(TestSettings.postgres(viaProxy, TestDatabase.USER,
                    TestDatabase.PASSWORD))) {
                ApiClient api = new ApiClient(service.port());

                assertEquals(200, api.get("/health", null).status(), "liveness does not depend on the database");
                assertEquals(503, api.get("/observe/health/ready", null).status());
                Response db = api.get("/health/db", null);
                assertEquals(503, db.status());
                // Anonymous callers learn that the database is down, not where it is or what the driver said.
                assertEquals("PostgreSQL connection failed", db.body().path("database").path("message").asText());
                Response refused = api.post("/api/auth/register", null,
                        "{\"username\":\"u\",\"email\":\"u@example.com\",\"password\":\"Str0ng!Pass\"}");
                assertUnavailable(refused);

                proxy.start();
                await(() -> api.get("/observe/health/ready", null).status() == 200, "ready once the database is up");
                String token = api.signUp("outage");
                Response created = api.post("/api/items", token, "{\"identifiers\":[{\"key\":\"k\",\"value\":\"1\"}]}");
                assertEquals(200, created.status());

                proxy.cut();
                assertUnavailable(api.post("/api/items", token, "{\"identifiers\":[{\"key\":\"k\",\"value\":\"2\"}]}"));
                assertUnavailable(api.get("/api/items/" + created.text("dfid"), token));
                assertEquals(200, api.get("/health", null).status());
                await(() -> api.get("/observe/health/ready", null).status() == 503, "readiness follows the outage");

                proxy.start();
                await(() -> api.get("/api/items/" + created.text("dfid"), token).status() == 200,
                        "reads recover without a restart");
                Response after = api.post("/api/items", token, "{\"identifiers\":[{\"key\":\"k\",\"value\":\"3\"}]}");
                assertEquals(200, after.status(), "writes recover without a restart");
                assertEquals(2, database.count("SELECT count(*) FROM items"), "nothing refused was stored");
            }
        }
    }

    private static void assertUnavailable(Response r) {
        assertEquals(503, r.status(), r.body().toString());
        assertEquals("STORE_UNAVAILABLE", r.text("code"));
        assertTrue(r.header("Retry-After").isPresent(), "503 carries Retry-After");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting: " + what);
    }
}
