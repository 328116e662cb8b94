package net.defarm.application.identity;

import java.time.Duration;

/**
 * The limits and links of account flows: password reset requests per account (and per client address) per hour, a
 * reset token's lifetime, the front end that serves the reset page, and sign-in throttling (failed attempts per
 * account and attempts per client address within one window), and registrations per client address per hour (every
 * account opens with free credits, so unlimited sign-ups would farm them).
 */
public record AccountPolicy(int resetsPerAccountPerHour, int resetsPerAddressPerHour, Duration resetTokenLifetime,
                            String frontendUrl, int loginFailuresPerAccount, int loginAttemptsPerAddress,
                            Duration loginWindow, int registrationsPerAddressPerHour) {

    public AccountPolicy {
        if (resetsPerAccountPerHour < 1 || resetsPerAddressPerHour < 1 || loginFailuresPerAccount < 1
                || loginAttemptsPerAddress < 1 || registrationsPerAddressPerHour < 1) {
            throw new IllegalArgumentException("account limits must be at least 1");
        }
        if (resetTokenLifetime.toMinutes() < 1 || loginWindow.toMinutes() < 1) {
            throw new IllegalArgumentException("the reset token lifetime and the login window must be at least a "
                    + "minute");
        }
        if (frontendUrl == null || !frontendUrl.matches("https?://[^\\s]+")) {
            throw new IllegalArgumentException("the front-end URL must be an http(s) URL");
        }
        frontendUrl = frontendUrl.endsWith("/") ? frontendUrl.substring(0, frontendUrl.length() - 1) : frontendUrl;
    }

    public static AccountPolicy defaults() {
        return new AccountPolicy(3, 20, Duration.ofMinutes(30), "http://localhost:3000", 10, 100,
                Duration.ofMinutes(15), 20);
    }

    /** The same policy with another registration limit per client address and hour. */
    public AccountPolicy withRegistrationsPerAddressPerHour(int limit) {
        return new AccountPolicy(resetsPerAccountPerHour, resetsPerAddressPerHour, resetTokenLifetime, frontendUrl,
                loginFailuresPerAccount, loginAttemptsPerAddress, loginWindow, limit);
    }
}
