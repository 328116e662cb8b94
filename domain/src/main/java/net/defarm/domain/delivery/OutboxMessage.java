package net.defarm.domain.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A side effect waiting to leave the process, written in the same transaction as the change that caused it.
 * {@code id} is stable across attempts: receivers de-duplicate on it. {@code claim} identifies the dispatcher that
 * holds the lease (until {@code leaseUntil}); only that dispatcher may settle the attempt.
 */
public record OutboxMessage(UUID id, String topic, UUID circuitId, String target, String eventType, String payload,
                            OutboxStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
                            Instant leaseUntil, UUID claim, Instant deliveredAt, Integer lastStatusCode,
                            String lastError) {

    /** Topic of webhook calls: {@code target} is the webhook id. */
    public static final String WEBHOOK = "webhook";
    /** Topic of mail: {@code payload} is the sealed message, {@code target} the account it is for. */
    public static final String MAIL = "mail";
    /** Topic of storing an item's state with a circuit's adapter: {@code target} is the DFID. */
    public static final String ANCHOR = "anchor";

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /** A new message, due at once. */
    public static OutboxMessage create(UUID id, String topic, UUID circuitId, String target, String eventType,
                                       String payload, Instant now) {
        return new OutboxMessage(id, topic, circuitId, target, eventType, payload, OutboxStatus.PENDING, 0, now, now,
                null, null, null, null, null);
    }

    /** The message as a dispatcher holds it after claiming it. */
    public OutboxMessage claimed(UUID claimId, Instant until) {
        return new OutboxMessage(id, topic, circuitId, target, eventType, payload, OutboxStatus.IN_PROGRESS, attempts,
                createdAt, nextAttemptAt, until, claimId, deliveredAt, lastStatusCode, lastError);
    }

    /** The message after an attempt, settled as {@code next}. */
    public OutboxMessage settled(DeliveryAttempt attempt, OutboxStatus next, Instant nextAttempt) {
        return new OutboxMessage(id, topic, circuitId, target, eventType, payload, next, attempts + 1, createdAt,
                nextAttempt == null ? nextAttemptAt : nextAttempt, null, null,
                next == OutboxStatus.DELIVERED ? attempt.at() : deliveredAt, attempt.statusCode(), attempt.error());
    }

    /** Whether a dispatcher may claim it at {@code now}: due and unclaimed, or its holder's lease has expired. */
    public boolean claimable(Instant now) {
        return switch (status) {
            case PENDING, RETRYING -> !nextAttemptAt.isAfter(now);
            case IN_PROGRESS -> leaseUntil == null || !leaseUntil.isAfter(now);
            case DELIVERED, FAILED -> false;
        };
    }
}
