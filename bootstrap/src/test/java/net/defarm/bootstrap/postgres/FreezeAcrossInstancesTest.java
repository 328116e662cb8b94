package net.defarm.bootstrap.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.RunningService;
import net.defarm.bootstrap.http.TestSettings;
import net.defarm.bootstrap.support.Pause;
import org.junit.jupiter.api.Test;

/**
 * A freeze on one instance is effective on the other on its next requests: the account is read on every request,
 * and with the two-level cache, B's in-process copy is dropped by the invalidation A publishes through Redis once
 * its transaction commits. The expectation is well under a second (what the README states); the deadline here is
 * generous so that a busy machine cannot fail the test, and the time taken is reported.
 */
class FreezeAcrossInstancesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final String PASSWORD = "Str0ng!Pass";

    @Test
    void withoutACacheBRefusesTheFrozenUsersTokenOnItsNextRequest() {
        try (TwoServices two = TwoServices.start()) {
            freezeOnAThenRefusedOnB(two);
        }
    }

    @Test
    void withTheTwoLevelCacheBDropsItsCopyAndRefusesTheToken() {
        String prefix = "freeze-" + UUID.randomUUID();
        try (TwoServices two = TwoServices.start(db -> TestSettings.cached(db.jdbcUrl(), TestDatabase.USER,
                TestDatabase.PASSWORD, CacheSettings.Kind.TWO_LEVEL, TestSettings.REDIS_PORT, prefix))) {
            RunningService.awaitCache(two.a());
            RunningService.awaitCache(two.b());
            freezeOnAThenRefusedOnB(two);
        }
    }

    private static void freezeOnAThenRefusedOnB(TwoServices two) {
        ApiClient onA = new ApiClient(two.a().port());
        ApiClient onB = new ApiClient(two.b().port());
        String adminName = "root-" + UUID.randomUUID().toString().substring(0, 8);
        two.a().useCases().admin().setup().createAdmin(adminName, adminName + "@example.com", PASSWORD);
        String adminToken = onA.post("/api/auth/login", null, "{\"username\":\"" + adminName + "\",\"password\":\""
                + PASSWORD + "\"}").text("token");
        String userName = "frozen-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.User user = onA.signUpUser(userName);
        // B reads (and, with a cache, keeps) the account while it is active.
        assertEquals(200, onB.get("/api/items", user.token()).status());
        assertEquals(200, onB.get("/api/items", user.token()).status());

        assertEquals(200, onA.put("/api/admin/users/" + user.id() + "/freeze", adminToken, "{}").status());
        long frozen = System.nanoTime();
        Response refused;
        while ((refused = onB.get("/api/items", user.token())).status() != 403) {
            assertEquals(200, refused.status(), refused.body().toString());
            assertTrue(System.nanoTime() - frozen < DEADLINE.toNanos(), "B still serves the frozen user");
            Pause.millis(5);
        }
        assertEquals("ACCOUNT_SUSPENDED", refused.text("code"));
        System.out.println("frozen user refused on B after " + (System.nanoTime() - frozen) / 1_000_000 + " ms");

        assertEquals(200, onA.put("/api/admin/users/" + user.id() + "/unfreeze", adminToken, "{}").status());
        long unfrozen = System.nanoTime();
        String fresh = onA.post("/api/auth/login", null, "{\"username\":\"" + userName
                + "\",\"password\":\"" + PASSWORD + "\"}").text("token");
        while (onB.get("/api/items", fresh).status() != 200) {
            assertTrue(System.nanoTime() - unfrozen < DEADLINE.toNanos(), "B still refuses the unfrozen user");
            Pause.millis(5);
        }
        // The freeze ended the sessions opened before it: unfreezing does not bring them back.
        Response ended = onB.get("/api/items", user.token());
        assertEquals(401, ended.status(), ended.body().toString());
        assertEquals("SESSION_ENDED", ended.text("code"));
    }
}
