package net.defarm.application.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;

/**
 * Keyed requests counted in memory and written to the store in batches ({@link #flush()}), so that no request
 * waits on a database write. What has not been flushed is lost if the process dies; a failed flush keeps it for
 * the next one.
 */
@UseCase
public final class KeyUsage {

    private record Slot(UUID keyId, LocalDate day) {
    }

    private record Counts(long requests, long errors, long latencyMillis, Instant lastUsedAt) {
        Counts plus(Counts o) {
            return new Counts(requests + o.requests, errors + o.errors, latencyMillis + o.latencyMillis,
                    lastUsedAt.isAfter(o.lastUsedAt) ? lastUsedAt : o.lastUsedAt);
        }
    }

    private final Map<Slot, Counts> pending = new ConcurrentHashMap<>();
    private final ApiKeyRepository keys;
    private final UnitOfWork uow;

    public KeyUsage(ApiKeyRepository keys, UnitOfWork uow) {
        this.keys = keys;
        this.uow = uow;
    }

    /** Counts one finished request of a key. */
    public void record(UUID keyId, Instant at, boolean error, long latencyMillis) {
        pending.merge(new Slot(keyId, LocalDate.ofInstant(at, ZoneOffset.UTC)),
                new Counts(1, error ? 1 : 0, Math.max(0, latencyMillis), at), Counts::plus);
    }

    /** Writes what was gathered since the last flush; returns the number of requests written. */
    public long flush() {
        List<ApiKeyRepository.UsageDelta> deltas = new ArrayList<>();
        for (Slot slot : List.copyOf(pending.keySet())) {
            // remove() hands over exactly what was counted; later requests start a new entry.
            Counts c = pending.remove(slot);
            if (c != null) {
                deltas.add(new ApiKeyRepository.UsageDelta(slot.keyId(), slot.day(), c.requests(), c.errors(),
                        c.latencyMillis(), c.lastUsedAt()));
            }
        }
        if (deltas.isEmpty()) {
            return 0;
        }
        try {
            uow.inTransaction(() -> keys.addUsage(deltas));
        } catch (RuntimeException e) {
            deltas.forEach(d -> pending.merge(new Slot(d.keyId(), d.day()),
                    new Counts(d.requests(), d.errors(), d.latencyMillis(), d.lastUsedAt()), Counts::plus));
            throw e;
        }
        return deltas.stream().mapToLong(ApiKeyRepository.UsageDelta::requests).sum();
    }

    /** This instance's not yet flushed usage of a key, per day. */
    List<KeyDailyUsage> unflushed(UUID keyId) {
        return pending.entrySet().stream().filter(e -> e.getKey().keyId().equals(keyId))
                .map(e -> new KeyDailyUsage(e.getKey().day(), e.getValue().requests(),
                        e.getValue().errors(), e.getValue().latencyMillis()))
                .toList();
    }

    Instant unflushedLastUse(UUID keyId) {
        return pending.entrySet().stream().filter(e -> e.getKey().keyId().equals(keyId))
                .map(e -> e.getValue().lastUsedAt()).max(Instant::compareTo).orElse(null);
    }
}
