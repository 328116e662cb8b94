package net.defarm.application.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.defarm.application.delivery.MailMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.defarm.application.identity.AccountPolicy;
import net.defarm.application.identity.AuthResult;
import net.defarm.application.identity.PasswordHasher;
import net.defarm.application.testing.Concurrently;
import net.defarm.application.testing.Fixture;
import net.defarm.application.testing.PlainPasswordHasher;
import net.defarm.application.identity.AuthenticationException;
import net.defarm.application.identity.RateLimitExceededException;
import net.defarm.application.identity.RegisterUser;
import net.defarm.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Forgot password, reset, the sessions a reset ends, and sign-in throttling (default limits). */
public abstract class PasswordResetScenarios extends StoreScenarios {

    private static final Pattern LINK = Pattern.compile("http://localhost:3000/reset-password\\?token=([0-9a-f]{64})");

    private AuthResult register(String name) {
        return f.identity.registerUser().register(new RegisterUser.Command(name, name + "@example.com",
                "Str0ng!Pass", null));
    }

    /** Delivers the outbox and returns the token of the last mail sent. */
    private String mailedToken() {
        f.delivery.dispatch().drain();
        MailMessage mail = f.receiver.mails.getLast();
        Matcher m = LINK.matcher(mail.text());
        assertTrue(m.find(), mail.text());
        assertEquals(m.group(1), mail.secret());
        return m.group(1);
    }

    @Test
    void theMailedTokenResetsThePasswordOnceAndEndsEarlierSessions() {
        AuthResult before = register("rita");
        f.identity.requestPasswordReset().request("RITA@example.com ", null, "10.0.0.1");
        String token = mailedToken();
        assertEquals("rita@example.com", f.receiver.mails.getLast().to());
        f.identity.resetPassword().reset(token, "N3w!Password");

        AuthenticationException ended = assertThrows(AuthenticationException.class,
                () -> f.identity.authenticate().actorFor(before.token()));
        assertEquals("SESSION_ENDED", ended.code());
        AuthResult after = f.identity.logIn().logIn("rita", "N3w!Password");
        assertEquals(before.userId(), f.identity.authenticate().actorFor(after.token()).userId());
        assertEquals("INVALID_CREDENTIALS", assertThrows(AuthenticationException.class,
                () -> f.identity.logIn().logIn("rita", "Str0ng!Pass")).code());
        assertEquals("INVALID_OR_EXPIRED_RESET_TOKEN", assertThrows(InvalidInputException.class,
                () -> f.identity.resetPassword().reset(token, "An0ther!Pass")).code());
    }

    @Test
    void aSessionOpenedInTheSameSecondBeforeTheResetEndsAndOneRightAfterItLasts() {
        register("sam");
        f.clock.set(Instant.parse("2026-01-01T10:00:00.100Z"));
        AuthResult early = f.identity.logIn().logIn("sam", "Str0ng!Pass");
        f.identity.requestPasswordReset().request(null, "sam", null);
        String token = mailedToken();
        f.clock.set(Instant.parse("2026-01-01T10:00:00.500Z"));
        f.identity.resetPassword().reset(token, "N3w!Password");
        f.clock.set(Instant.parse("2026-01-01T10:00:00.501Z"));
        AuthResult late = f.identity.logIn().logIn("sam", "N3w!Password");
        assertThrows(AuthenticationException.class, () -> f.identity.authenticate().actorFor(early.token()));
        assertEquals(late.userId(), f.identity.authenticate().actorFor(late.token()).userId());
    }

    @Test
    void expiredAndMalformedTokensAreRefused() {
        register("tom");
        f.identity.requestPasswordReset().request(null, "tom", null);
        String token = mailedToken();
        assertEquals("INVALID_RESET_TOKEN", assertThrows(InvalidInputException.class,
                () -> f.identity.resetPassword().reset("xyz", "N3w!Password")).code());
        assertEquals("WEAK_PASSWORD", assertThrows(InvalidInputException.class,
                () -> f.identity.resetPassword().reset(token, "weak")).code());
        f.clock.advance(Duration.ofMinutes(31));
        assertEquals("Invalid or expired password reset token", assertThrows(InvalidInputException.class,
                () -> f.identity.resetPassword().reset(token, "N3w!Password")).getMessage());
        assertEquals("Provide email or username to reset your password", assertThrows(InvalidInputException.class,
                () -> f.identity.requestPasswordReset().request(" ", null, null)).getMessage());
    }

    @Test
    void theFourthRequestWithinTheHourIsRefusedWhetherOrNotTheAccountExists() {
        register("uma");
        for (int i = 0; i < 3; i++) {
            f.identity.requestPasswordReset().request(null, "uma", null);
            f.identity.requestPasswordReset().request("nobody@example.com", null, null);
        }
        assertEquals("TOO_MANY_RESET_REQUESTS", assertThrows(RateLimitExceededException.class,
                () -> f.identity.requestPasswordReset().request(null, "uma", null)).code());
        assertThrows(RateLimitExceededException.class,
                () -> f.identity.requestPasswordReset().request("nobody@example.com", null, null));
        // Asking by email now still counts against the account's own tokens, but answers as any request does: a
        // refusal would tell that the email and the username are one account's. No mail goes.
        f.identity.requestPasswordReset().request("uma@example.com", null, null);
        f.delivery.dispatch().drain();
        assertEquals(3, f.receiver.mails.size(), "only the existing account got mail");
        f.clock.advance(Duration.ofHours(1));
        f.identity.requestPasswordReset().request(null, "uma", null);
    }

    @Test
    void failedSignInsLockTheAccountUntilTheWindowEndsOrAResetClearsIt() {
        register("vic");
        for (int i = 0; i < 10; i++) {
            String address = "10.0.0." + i;
            assertThrows(AuthenticationException.class, () -> f.identity.logIn().logIn("vic", "wrong", address));
        }
        RateLimitExceededException locked = assertThrows(RateLimitExceededException.class,
                () -> f.identity.logIn().logIn("VIC", "Str0ng!Pass", "10.9.9.9"));
        assertEquals("TOO_MANY_FAILED_LOGINS", locked.code());
        assertTrue(locked.retryAfterSeconds() > 0 && locked.retryAfterSeconds() <= 900);
        f.identity.requestPasswordReset().request(null, "vic", null);
        f.identity.resetPassword().reset(mailedToken(), "N3w!Password");
        f.identity.logIn().logIn("vic", "N3w!Password", "10.9.9.9");
    }

    @Test
    void concurrentWrongGuessesReachThePasswordCheckNoMoreThanTheLimitAllows() throws Exception {
        int guesses = 30;
        int limit = AccountPolicy.defaults().loginFailuresPerAccount();
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch allInside = new CountDownLatch(guesses);
        PlainPasswordHasher plain = new PlainPasswordHasher();
        // Each check waits (bounded) until every guess is inside one: a throttle that counts only after the check
        // lets them all in; one that counts before lets in only the limit (the rest wait out the bound).
        Fixture held = new Fixture(f.storage, false, new PasswordHasher() {
            @Override
            public String hash(String password) {
                return plain.hash(password);
            }

            @Override
            public boolean matches(String password, String hash) {
                checks.incrementAndGet();
                allInside.countDown();
                try {
                    allInside.await(3, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return plain.matches(password, hash);
            }
        });
        held.identity.registerUser().register(new RegisterUser.Command("xena", "xena@example.com", "Str0ng!Pass",
                null));
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            String address = "10.1.0." + i;
            tasks.add(() -> {
                try {
                    held.identity.logIn().logIn("xena", "wrong", address);
                } catch (AuthenticationException e) {
                    assertEquals("INVALID_CREDENTIALS", e.code());
                }
            });
        }
        Concurrently.Tally tally = Concurrently.run(guesses, tasks, RateLimitExceededException.class);
        assertTrue(checks.get() <= limit, checks.get() + " guesses reached the password check");
        assertEquals(guesses - checks.get(), tally.refused());
    }

    @Test
    void signUpsAreLimitedPerClientAddress() {
        int limit = AccountPolicy.defaults().registrationsPerAddressPerHour();
        for (int i = 0; i < limit; i++) {
            f.identity.registerUser().register(new RegisterUser.Command("farm" + i, "farm" + i + "@example.com",
                    "Str0ng!Pass", null), "10.7.7.7");
        }
        RegisterUser.Command next = new RegisterUser.Command("farmer", "farmer@example.com", "Str0ng!Pass", null);
        assertEquals("TOO_MANY_REGISTRATIONS", assertThrows(RateLimitExceededException.class,
                () -> f.identity.registerUser().register(next, "10.7.7.7")).code());
        f.identity.registerUser().register(next, "10.7.7.8");
        f.clock.advance(Duration.ofHours(1));
        f.identity.registerUser().register(new RegisterUser.Command("farm-later", "later@example.com",
                "Str0ng!Pass", null), "10.7.7.7");
    }

    @Test
    void oneAddressIsLimitedAcrossAccounts() {
        register("wes");
        for (int i = 0; i < 100; i++) {
            int n = i;
            assertThrows(AuthenticationException.class,
                    () -> f.identity.logIn().logIn("someone-" + n, "wrong", "10.1.1.1"));
        }
        assertEquals("TOO_MANY_LOGIN_ATTEMPTS", assertThrows(RateLimitExceededException.class,
                () -> f.identity.logIn().logIn("wes", "Str0ng!Pass", "10.1.1.1")).code());
        f.identity.logIn().logIn("wes", "Str0ng!Pass", "10.2.2.2");
    }

    @Test
    void aMailThatFailsIsRetriedByTheDispatcher() {
        register("xia");
        f.receiver.mailFailuresLeft.set(1);
        f.identity.requestPasswordReset().request(null, "xia", null);
        f.delivery.dispatch().drain();
        assertTrue(f.receiver.mails.isEmpty());
        f.clock.advance(Duration.ofMinutes(1));
        String token = mailedToken();
        f.identity.resetPassword().reset(token, "N3w!Password");
    }
}
