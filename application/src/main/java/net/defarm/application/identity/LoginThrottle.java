package net.defarm.application.identity;

import java.time.Instant;
import java.util.Locale;
import net.defarm.application.shared.Clock;
import net.defarm.domain.shared.Hashes;

/**
 * Sign-in throttling. Per client address every attempt counts, so one address cannot try many accounts. Per
 * account only failures count, from any address, so a password cannot be guessed by spreading attempts; reaching
 * the limit refuses that account's sign-in until the window ends (a successful reset or sign-in clears it).
 * Counted by name whether or not the account exists, so a refusal says nothing about who has an account.
 */
public final class LoginThrottle {

    private final RateLimiter limiter;
    private final AccountPolicy policy;
    private final Clock clock;

    public LoginThrottle(RateLimiter limiter, AccountPolicy policy, Clock clock) {
        this.limiter = limiter;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Counts an attempt against {@code clientAddress} and against the account, and refuses it when either is over.
     * The account's count stays only if the attempt fails: {@link #cleared} forgets it on success.
     */
    void admit(String username, String clientAddress) {
        Instant now = clock.now();
        if (clientAddress != null) {
            RateLimiter.Decision d = limiter.hit("login-address:" + clientAddress, policy.loginAttemptsPerAddress(),
                    policy.loginWindow(), now);
            if (!d.allowed()) {
                throw new RateLimitExceededException("TOO_MANY_LOGIN_ATTEMPTS",
                        "Too many login attempts from this address. Please try again later.", d, now);
            }
        }
        // Counted before the password is checked, so that guesses sent at once cannot all pass while the failures
        // of the others are still being checked; a success clears the count, so only failures lock the account.
        RateLimiter.Decision d = limiter.hit(accountName(username), policy.loginFailuresPerAccount(),
                policy.loginWindow(), now);
        if (!d.allowed()) {
            throw new RateLimitExceededException("TOO_MANY_FAILED_LOGINS",
                    "Too many failed login attempts for this account. Please try again later.", d, now);
        }
    }

    void cleared(String username) {
        limiter.clear(accountName(username), policy.loginWindow(), clock.now());
    }

    /** Names are hashed: the counters (possibly in Redis) hold no usernames. */
    private static String accountName(String username) {
        return "login-account:" + Hashes.blake3Hex(username.strip().toLowerCase(Locale.ROOT));
    }
}
