package net.defarm.application.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.delivery.DeliveryAttempt;
import net.defarm.domain.delivery.OutboxMessage;
import net.defarm.domain.delivery.OutboxStatus;

/**
 * Messages that must leave the process (webhook calls), written with the change that causes them and delivered at
 * least once by whichever dispatcher claims them. A claim is a lease: a dispatcher that dies mid-send loses it when
 * it expires, and the message becomes claimable again.
 */
@OutboundPort
public interface Outbox {

    /** Joins the current unit of work: the message exists (and can be claimed) only once that commits. */
    void enqueue(OutboxMessage message);

    /**
     * Claims at most {@code max} messages that are due at {@code now} (or whose lease expired), oldest due first,
     * each leased until {@code now + lease} under a fresh claim id. Concurrent callers never get the same message.
     */
    List<OutboxMessage> claimDue(Instant now, Duration lease, int max);

    /**
     * Records the attempt and moves the message to {@code next} (with its next due time when it is retried), if
     * {@code claimed}'s claim still holds. False when the lease was lost: another dispatcher owns it now.
     */
    boolean settle(OutboxMessage claimed, DeliveryAttempt attempt, OutboxStatus next, Instant nextAttemptAt);

    Optional<OutboxMessage> findById(UUID id);

    /** A circuit's messages, newest first, strictly before {@code before} (null: from the newest). */
    List<OutboxMessage> findByCircuit(UUID circuitId, MessageKey before, int limit);

    /** The attempts of these messages, oldest first per message. */
    Map<UUID, List<DeliveryAttempt>> attempts(Collection<UUID> messageIds);

    /** Position in a circuit's log: newest first by creation time, then id. */
    record MessageKey(Instant createdAt, UUID id) {
        public static MessageKey of(OutboxMessage m) {
            return new MessageKey(m.createdAt(), m.id());
        }
    }
}
