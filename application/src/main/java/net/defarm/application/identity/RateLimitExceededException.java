package net.defarm.application.identity;

import java.time.Instant;
import java.util.Map;
import net.defarm.domain.shared.DomainException;

/** A key used more often than its hourly limit allows, or a throttled sign-in or reset request (429). */
public final class RateLimitExceededException extends DomainException {

    private final RateLimiter.Decision decision;

    public RateLimitExceededException(RateLimiter.Decision decision, Instant now) {
        this("RATE_LIMIT_EXCEEDED", "Rate limit of " + decision.limit() + " requests per hour exceeded", decision,
                now);
    }

    public RateLimitExceededException(String code, String message, RateLimiter.Decision decision, Instant now) {
        super(code, message, Map.of("limit", String.valueOf(decision.limit()), "remaining", "0",
                "reset_at", decision.resetAt().toString(), "retry_after", String.valueOf(retryAfter(decision, now))));
        this.decision = decision;
    }

    static long retryAfter(RateLimiter.Decision decision, Instant now) {
        return Math.max(1, decision.resetAt().getEpochSecond() - now.getEpochSecond());
    }

    public int limit() {
        return decision.limit();
    }

    /** When the window ends, in Unix seconds. */
    public long resetEpochSecond() {
        return decision.resetAt().getEpochSecond();
    }

    /** Seconds until the window resets, for the Retry-After header. */
    public long retryAfterSeconds() {
        return Long.parseLong(details().get("retry_after"));
    }
}
