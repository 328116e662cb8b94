package net.defarm.adapters.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.defarm.application.delivery.Outbox;
import net.defarm.application.shared.UuidOrder;
import net.defarm.domain.delivery.DeliveryAttempt;
import net.defarm.domain.delivery.OutboxMessage;
import net.defarm.domain.delivery.OutboxStatus;

/**
 * The outbox in memory. A message enqueued inside a unit of work becomes visible when it commits (a rolled-back
 * change leaves no message); claims and settlements are atomic per message, so two dispatchers never hold one.
 */
public final class InMemoryOutbox implements Outbox {

    private static final Comparator<OutboxMessage> DUE = Comparator.comparing(OutboxMessage::nextAttemptAt)
            .thenComparing(OutboxMessage::createdAt);
    private static final Comparator<OutboxMessage> NEWEST = Comparator.comparing(OutboxMessage::createdAt)
            .thenComparing(OutboxMessage::id, UuidOrder::compare).reversed();

    private final Map<UUID, OutboxMessage> messages = new ConcurrentHashMap<>();
    private final Map<UUID, List<DeliveryAttempt>> attempts = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryOutbox(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void enqueue(OutboxMessage message) {
        uow.afterCommit(() -> messages.putIfAbsent(message.id(), message));
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, Duration lease, int max) {
        List<OutboxMessage> due = messages.values().stream().filter(m -> m.claimable(now)).sorted(DUE).toList();
        List<OutboxMessage> claimed = new ArrayList<>();
        for (OutboxMessage candidate : due) {
            if (claimed.size() == max) {
                break;
            }
            OutboxMessage mine = candidate.claimed(UUID.randomUUID(), now.plus(lease));
            // Atomic per message: only one caller replaces the version it saw.
            if (messages.replace(candidate.id(), candidate, mine)) {
                claimed.add(mine);
            }
        }
        return claimed;
    }

    @Override
    public boolean settle(OutboxMessage claimed, DeliveryAttempt attempt, OutboxStatus next, Instant nextAttemptAt) {
        OutboxMessage current = messages.get(claimed.id());
        if (current == null || current.claim() == null || !current.claim().equals(claimed.claim())) {
            return false;
        }
        if (!messages.replace(claimed.id(), current, current.settled(attempt, next, nextAttemptAt))) {
            return false;
        }
        attempts.computeIfAbsent(claimed.id(), k -> new CopyOnWriteArrayList<>()).add(attempt);
        return true;
    }

    @Override
    public Optional<OutboxMessage> findById(UUID id) {
        return Optional.ofNullable(messages.get(id));
    }

    @Override
    public List<OutboxMessage> findByCircuit(UUID circuitId, MessageKey before, int limit) {
        return messages.values().stream().filter(m -> circuitId.equals(m.circuitId()))
                .filter(m -> before == null || NEWEST.compare(m, key(before)) > 0)
                .sorted(NEWEST).limit(limit).toList();
    }

    private static OutboxMessage key(MessageKey k) {
        return new OutboxMessage(k.id(), "", null, "", "", "", OutboxStatus.PENDING, 0, k.createdAt(), k.createdAt(),
                null, null, null, null, null);
    }

    @Override
    public Map<UUID, List<DeliveryAttempt>> attempts(Collection<UUID> messageIds) {
        Map<UUID, List<DeliveryAttempt>> found = new HashMap<>();
        for (UUID id : messageIds) {
            List<DeliveryAttempt> list = attempts.get(id);
            if (list != null) {
                found.put(id, List.copyOf(list));
            }
        }
        return found;
    }
}
