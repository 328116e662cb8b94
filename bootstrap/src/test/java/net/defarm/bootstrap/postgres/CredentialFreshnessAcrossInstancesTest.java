package net.defarm.bootstrap.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import net.defarm.application.identity.AccountPolicy;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.KeyRequests;
import net.defarm.bootstrap.http.MailCatcher;
import net.defarm.bootstrap.http.TestSettings;
import net.defarm.bootstrap.support.Pause;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bound of ADR 0023: instance B keeps the credentials of recent requests (AUTH_FRESHNESS_MS, 500 ms by default)
 * and reads no database to let them in again, yet a suspension, a key revocation and a password reset made through
 * instance A are refused by B within one second of A's answer. Each case first has B let the credential in twice
 * (so it holds it), then polls B every 50 ms from the moment A answered; the first refusal must come within 1000 ms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialFreshnessAcrossInstancesTest {

    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final String PASSWORD = "Str0ng!Pass";

    private MailCatcher mail;
    private TwoServices two;
    private ApiClient onA;
    private ApiClient onB;

    @BeforeAll
    void start() {
        mail = new MailCatcher();
        two = TwoServices.start(db -> mail.route(TestSettings.postgres(db), AccountPolicy.defaults()));
        onA = new ApiClient(two.a().port());
        onB = new ApiClient(two.b().port());
    }

    @AfterAll
    void stop() {
        try {
            two.close();
        } finally {
            mail.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Polls {@code onB} every 50 ms until it answers {@code status}; returns that answer. Fails if any other status
     * than 200 comes first, or if the refusal comes later than {@link #BOUND} after {@code changedNanos}.
     */
    private static Response refusedWithinOneSecond(long changedNanos, int status, Supplier<Response> onB) {
        while (true) {
            Response r = onB.get();
            long elapsed = System.nanoTime() - changedNanos;
            if (r.status() == status) {
                System.out.println("refused on B " + elapsed / 1_000_000 + " ms after A's answer");
                assertTrue(elapsed <= BOUND.toNanos(), "B refused only after " + elapsed / 1_000_000 + " ms");
                return r;
            }
            assertEquals(200, r.status(), r.body().toString());
            assertTrue(elapsed <= BOUND.toNanos(), "B still lets the credential in after " + elapsed / 1_000_000
                    + " ms");
            Pause.millis(50);
        }
    }

    @Test
    void aSuspensionOnAIsRefusedOnBWithinOneSecond() {
        String adminName = unique("root");
        two.a().useCases().admin().setup().createAdmin(adminName, adminName + "@example.com", PASSWORD);
        String adminToken = onA.post("/api/auth/login", null, "{\"username\":\"" + adminName + "\",\"password\":\""
                + PASSWORD + "\"}").text("token");
        ApiClient.User user = onA.signUpUser(unique("susp"));
        assertEquals(200, onA.get("/api/items", user.token()).status());
        assertEquals(200, onB.get("/api/items", user.token()).status());
        assertEquals(200, onB.get("/api/items", user.token()).status(), "B holds the account");

        assertEquals(200, onA.put("/api/admin/users/" + user.id() + "/freeze", adminToken, "{}").status());
        long suspended = System.nanoTime();
        assertEquals(403, onA.get("/api/items", user.token()).status(), "A refuses at once");
        Response refused = refusedWithinOneSecond(suspended, 403, () -> onB.get("/api/items", user.token()));
        assertEquals("ACCOUNT_SUSPENDED", refused.text("code"));
    }

    @Test
    void aKeyRevokedOnAIsRefusedOnBWithinOneSecond() {
        String token = onA.signUp(unique("key"));
        Response made = onA.post("/api/api-keys", token, "{\"name\":\"erp\",\"organization_type\":\"Enterprise\"}");
        assertEquals(200, made.status(), made.body().toString());
        JsonNode created = made.body();
        String key = created.path("api_key").asText();
        String id = created.path("metadata").path("id").asText();
        KeyRequests machineOnA = new KeyRequests(two.a().port());
        KeyRequests machineOnB = new KeyRequests(two.b().port());
        assertEquals(200, machineOnB.get("/api/items", key).status());
        assertEquals(200, machineOnB.get("/api/items", key).status(), "B holds the key");

        assertEquals(200, onA.post("/api/api-keys/" + id + "/revoke", token, "{}").status());
        long revoked = System.nanoTime();
        assertEquals("API_KEY_INACTIVE", machineOnA.get("/api/items", key).text("code"), "A refuses at once");
        Response refused = refusedWithinOneSecond(revoked, 401, () -> machineOnB.get("/api/items", key));
        assertEquals("API_KEY_INACTIVE", refused.text("code"));
    }

    @Test
    void aPasswordResetOnAEndsTheSessionOnBWithinOneSecond() {
        String name = unique("reset");
        String token = onA.signUp(name);
        assertEquals(200, onB.get("/api/items", token).status());
        assertEquals(200, onB.get("/api/items", token).status(), "B holds the account");
        assertEquals(200, onA.post("/api/auth/forgot-password", null, "{\"username\":\"" + name + "\"}").status());
        String reset = MailCatcher.token(mail.awaitText(name + "@example.com", 1));

        assertEquals(200, onA.post("/api/auth/reset-password", null, "{\"token\":\"" + reset
                + "\",\"new_password\":\"N3w!Passw0rd\"}").status());
        long resetAt = System.nanoTime();
        assertEquals(401, onA.get("/api/items", token).status(), "A ends the session at once");
        Response refused = refusedWithinOneSecond(resetAt, 401, () -> onB.get("/api/items", token));
        assertEquals("SESSION_ENDED", refused.text("code"));
    }
}
