package net.defarm.application.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;

/**
 * Counts events in fixed windows: a key's requests per hour, and the named counters of sign-in and password-reset
 * throttling (a key namespace such as {@code login-account:alice} and a window length of their own).
 */
@OutboundPort
public interface RateLimiter {

    /** The outcome of one check: whether the request may proceed, and the window's figures for the headers. */
    record Decision(boolean allowed, int limit, int remaining, Instant resetAt) {
    }

    /** Counts one request of {@code keyId} against {@code limitPerHour} and says whether it may proceed. */
    Decision check(UUID keyId, int limitPerHour, Instant now);

    /** Counts one event under {@code name} in the current window of length {@code window}; allowed up to {@code limit}. */
    Decision hit(String name, int limit, Duration window, Instant now);

    /** Forgets what the current window counted under {@code name}. */
    void clear(String name, Duration window, Instant now);
}
