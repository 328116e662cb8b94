package net.defarm.application.identity;

import java.time.Instant;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;

/** Counts a key's requests in fixed one-hour windows. */
@OutboundPort
public interface RateLimiter {

    /** The outcome of one check: whether the request may proceed, and the window's figures for the headers. */
    record Decision(boolean allowed, int limit, int remaining, Instant resetAt) {
    }

    /** Counts one request of {@code keyId} against {@code limitPerHour} and says whether it may proceed. */
    Decision check(UUID keyId, int limitPerHour, Instant now);
}
