package net.defarm.application.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the dispatcher retries: at most {@code maxAttempts} attempts, the n-th retry after
 * {@code initialDelay * multiplier^(n-1)} (at most {@code maxDelay}) plus up to {@code jitter} of it at random, so
 * receivers that recover are not hit by every instance at once. {@code lease} bounds how long a claimed message
 * stays with one dispatcher; it must outlast a send.
 */
public record DeliveryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier,
                             double jitter, Duration lease, int batchSize) {

    public DeliveryPolicy {
        if (maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("max attempts and batch size must be at least 1");
        }
        if (multiplier < 1 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("the multiplier must be at least 1 and the jitter between 0 and 1");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("delays must satisfy 0 <= initial <= max, and the lease be positive");
        }
    }

    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.1, Duration.ofSeconds(60),
                50);
    }

    /** The delay before the attempt that follows failed attempt number {@code failed} (1-based). */
    public Duration delayAfter(int failed) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, failed - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double withJitter = capped * (1 + jitter * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis((long) Math.min(withJitter, maxDelay.toMillis() * (1 + jitter)));
    }

    /** Retries after the first attempt (the reference's {@code max_retries}). */
    public int maxRetries() {
        return maxAttempts - 1;
    }
}
