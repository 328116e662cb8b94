package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import net.defarm.application.identity.AccountPolicy;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Forgotten password end to end: the request answers the same for every name, the mail goes through the outbox
 * and the dispatcher to a real SMTP server, its link resets the password once and ends the older sessions; and
 * sign-in throttling.
 */
public abstract class PasswordResetHttpTests extends RunningService {

    private static final AccountPolicy LIMITS = new AccountPolicy(3, 50, Duration.ofMinutes(30),
            "http://localhost:3000", 3, 1000, Duration.ofMinutes(15), 1000);
    private static final String SAME_ANSWER = "{\"message\":\"If the account exists, password reset instructions "
            + "have been sent.\"}";

    private MailCatcher mail;

    @Override
    protected ServiceSettings adjust(ServiceSettings settings) {
        mail = new MailCatcher();
        return mail.route(settings, LIMITS);
    }

    @AfterAll
    void stopMail() {
        mail.close();
    }

    private Response forgot(String json) {
        return api.post("/api/auth/forgot-password", null, json);
    }

    private Response reset(String token, String password) {
        return api.post("/api/auth/reset-password", null, "{\"token\":\"" + token + "\",\"new_password\":\""
                + password + "\"}");
    }

    private Response login(String username, String password) {
        return api.post("/api/auth/login", null, "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"}");
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theMailedLinkResetsThePasswordOnceAndEndsEveryEarlierSession() {
        String name = name("reset");
        User user = api.signUpUser(name);
        String email = name + "@example.com";
        String older = ok(login(name, "Str0ng!Pass")).text("token");

        Response asked = ok(forgot("{\"email\":\" " + email.toUpperCase() + " \"}"));
        assertEquals(SAME_ANSWER, asked.raw().body());
        String text = mail.awaitText(email, 1);
        assertTrue(text.contains("http://localhost:3000/reset-password?token="), text);
        String token = MailCatcher.token(text);

        assertError(reset(token, "weak"), 400, "WEAK_PASSWORD");
        Response done = ok(reset(token, "N3w!Passw0rd"));
        assertEquals("Password reset successful. You can now log in with your new password.", done.text("message"));

        assertError(api.get("/api/auth/profile", user.token()), 401, "SESSION_ENDED");
        assertError(api.get("/api/auth/profile", older), 401, "SESSION_ENDED");
        assertError(api.post("/api/auth/refresh", older, "{}"), 401, "SESSION_ENDED");
        String fresh = ok(login(name, "N3w!Passw0rd")).text("token");
        assertEquals(user.id(), ok(api.get("/api/auth/profile", fresh)).text("user_id"));
        assertError(login(name, "Str0ng!Pass"), 401, "INVALID_CREDENTIALS");
        Response again = reset(token, "An0ther!Passw0rd");
        assertError(again, 400, "INVALID_OR_EXPIRED_RESET_TOKEN");
        assertEquals("Invalid or expired password reset token", again.text("error"));
    }

    @Test
    void anUnknownAccountGetsTheSameAnswerAndNoMail() {
        String nobody = name("nobody") + "@example.com";
        assertEquals(SAME_ANSWER, ok(forgot("{\"email\":\"" + nobody + "\"}")).raw().body());
        assertEquals(SAME_ANSWER, ok(forgot("{\"username\":\"" + name("ghost") + "\"}")).raw().body());
        String name = name("known");
        api.signUpUser(name);
        assertEquals(SAME_ANSWER, ok(forgot("{\"username\":\"" + name + "\"}")).raw().body());
        mail.awaitText(name + "@example.com", 1);
        assertTrue(mail.textsTo(nobody).isEmpty());
    }

    @Test
    void theFourthRequestWithinTheHourIs429ForKnownAndUnknownNamesAlike() {
        String name = name("often");
        api.signUpUser(name);
        String unknown = name("unknown");
        for (int i = 0; i < 3; i++) {
            ok(forgot("{\"username\":\"" + name + "\"}"));
            ok(forgot("{\"username\":\"" + unknown + "\"}"));
        }
        for (String who : new String[] {name, unknown}) {
            Response refused = forgot("{\"username\":\"" + who + "\"}");
            assertError(refused, 429, "TOO_MANY_RESET_REQUESTS");
            assertEquals("Too many password reset requests. Please try again later.", refused.text("error"));
            long retry = Long.parseLong(refused.header("Retry-After").orElseThrow());
            assertTrue(retry > 0 && retry <= 3600, "Retry-After " + retry);
        }
        mail.awaitText(name + "@example.com", 3);
    }

    @Test
    void badRequestsAreClearJson400s() {
        Response none = forgot("{\"email\":\"  \",\"username\":\"\"}");
        assertError(none, 400, "MISSING_FIELD");
        assertEquals("Provide email or username to reset your password", none.text("error"));
        Response badHex = reset("not-hex", "N3w!Passw0rd");
        assertError(badHex, 400, "INVALID_RESET_TOKEN");
        assertEquals("Invalid password reset token", badHex.text("error"));
        assertError(reset("ab".repeat(32), "N3w!Passw0rd"), 400, "INVALID_OR_EXPIRED_RESET_TOKEN");
        assertError(api.post("/api/auth/reset-password", null, "{\"new_password\":\"N3w!Passw0rd\"}"), 400,
                "MISSING_FIELD");
    }

    @Test
    void failedSignInsAreThrottledPerAccountWithoutLockingOthersOut() {
        String name = name("guess");
        api.signUpUser(name);
        for (int i = 0; i < 3; i++) {
            assertError(login(name, "Wrong!Pass1"), 401, "INVALID_CREDENTIALS");
        }
        Response locked = login(name, "Str0ng!Pass");
        assertError(locked, 429, "TOO_MANY_FAILED_LOGINS");
        long retry = Long.parseLong(locked.header("Retry-After").orElseThrow());
        assertTrue(retry > 0 && retry <= 900, "Retry-After " + retry);
        String other = name("other");
        api.signUpUser(other);
        ok(login(other, "Str0ng!Pass"));
        assertFalse(login(name("absent"), "Wrong!Pass1").status() == 429, "unknown names start at zero");
    }
}
