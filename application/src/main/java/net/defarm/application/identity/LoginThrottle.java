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

    /** Counts an attempt from {@code clientAddress} and refuses it when the address or the account is over. */
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
        if (limiter.counted(accountName(username), policy.loginWindow(), now) >= policy.loginFailuresPerAccount()) {
            Instant reset = Instant.ofEpochSecond(LocalRateLimiter.windowStart(now,
                    policy.loginWindow())).plus(policy.loginWindow());
            throw new RateLimitExceededException("TOO_MANY_FAILED_LOGINS",
                    "Too many failed login attempts for this account. Please try again later.",
                    new RateLimiter.Decision(false, policy.loginFailuresPerAccount(), 0, reset), now);
        }
    }

    void failed(String username) {
        limiter.hit(accountName(username), policy.loginFailuresPerAccount(), policy.loginWindow(), clock.now());
    }

    void cleared(String username) {
        limiter.clear(accountName(username), policy.loginWindow(), clock.now());
    }

    /** Names are hashed: the counters (possibly in Redis) hold no usernames. */
    private static String accountName(String username) {
        return "login-account:" + Hashes.blake3Hex(username.strip().toLowerCase(Locale.ROOT));
    }
}
