package net.defarm.bootstrap.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.application.identity.AccountPolicy;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.MailCatcher;
import net.defarm.bootstrap.http.RunningService;
import net.defarm.bootstrap.http.TestSettings;
import net.defarm.bootstrap.support.Pause;
import org.junit.jupiter.api.Test;

/**
 * A reset on one instance ends the sessions on the other, which holds the account in its two-level cache: the
 * update's invalidation reaches it, and the old token is refused there too.
 */
class SessionsEndAcrossInstancesTest {

    private static Service start(TestDatabase db, String prefix, MailCatcher mail) {
        Service s = Service.start(mail.route(TestSettings.cached(db.jdbcUrl(), TestDatabase.USER,
                TestDatabase.PASSWORD, CacheSettings.Kind.TWO_LEVEL, TestSettings.REDIS_PORT, prefix),
                AccountPolicy.defaults()));
        RunningService.awaitCache(s);
        return s;
    }

    @Test
    void aResetOnOneInstanceEndsTheSessionOnTheOther() {
        String prefix = "test-" + UUID.randomUUID();
        try (MailCatcher mail = new MailCatcher();
             TestDatabase db = TestDatabase.create();
             Service a = start(db, prefix, mail);
             Service b = start(db, prefix, mail)) {
            ApiClient onA = new ApiClient(a.port());
            ApiClient onB = new ApiClient(b.port());
            String name = "multi-" + UUID.randomUUID().toString().substring(0, 8);
            String token = onA.signUp(name);
            for (int i = 0; i < 2; i++) {
                assertEquals(200, onB.get("/api/auth/profile", token).status(), "B holds the account in its cache");
            }
            assertEquals(200, onA.post("/api/auth/forgot-password", null, "{\"username\":\"" + name + "\"}")
                    .status());
            String reset = MailCatcher.token(mail.awaitText(name + "@example.com", 1));
            assertEquals(200, onA.post("/api/auth/reset-password", null, "{\"token\":\"" + reset
                    + "\",\"new_password\":\"N3w!Passw0rd\"}").status());

            long start = System.nanoTime();
            Response onOther;
            while ((onOther = onB.get("/api/auth/profile", token)).status() != 401) {
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(),
                        "B refuses the old session within seconds, answered " + onOther.status());
                Pause.millis(10);
            }
            assertEquals("SESSION_ENDED", onOther.text("code"));
            String fresh = onB.post("/api/auth/login", null, "{\"username\":\"" + name
                    + "\",\"password\":\"N3w!Passw0rd\"}").text("token");
            assertEquals(200, onA.get("/api/auth/profile", fresh).status());
            assertEquals(200, onB.get("/api/auth/profile", fresh).status());
        }
    }
}
