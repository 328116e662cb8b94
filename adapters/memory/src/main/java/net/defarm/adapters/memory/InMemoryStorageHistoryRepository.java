package net.defarm.adapters.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import net.defarm.application.history.HistoryScope;
import net.defarm.application.history.StorageHistoryRepository;
import net.defarm.domain.history.StorageLocation;
import net.defarm.domain.history.StorageRecord;
import net.defarm.domain.history.StorageStatistics;
import net.defarm.domain.shared.ConflictException;

/**
 * Storage history in memory: each item's records by timeline sequence, and the message ids already recorded. Writes
 * hold one lock until the unit of work ends (so a sequence is never handed out twice) and undo themselves on
 * rollback; reads take the same lock.
 */
public final class InMemoryStorageHistoryRepository implements StorageHistoryRepository {

    private final Map<String, TreeMap<Long, StorageRecord>> byItem = new HashMap<>();
    private final Map<UUID, StorageRecord> byMessage = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final InMemoryUnitOfWork uow;

    public InMemoryStorageHistoryRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public StorageRecord append(StorageRecord draft) {
        return uow.inTransaction(() -> {
            uow.hold(lock);
            if (byMessage.containsKey(draft.messageId())) {
                throw new ConflictException("ALREADY_RECORDED", "This upload is already recorded");
            }
            TreeMap<Long, StorageRecord> records = byItem.computeIfAbsent(draft.dfid(), d -> new TreeMap<>());
            StorageRecord r = draft.atSequence(records.isEmpty() ? 1 : records.lastKey() + 1);
            records.put(r.timelineSequence(), r);
            byMessage.put(r.messageId(), r);
            uow.onRollback(() -> {
                records.remove(r.timelineSequence());
                byMessage.remove(r.messageId());
            });
            return r;
        });
    }

    @Override
    public Optional<StorageRecord> findByMessage(UUID messageId) {
        return read(() -> Optional.ofNullable(byMessage.get(messageId)));
    }

    @Override
    public List<StorageRecord> history(String dfid, long afterSequence, int limit) {
        return history(dfid, HistoryScope.ALL, afterSequence, limit);
    }

    @Override
    public List<StorageRecord> history(String dfid, HistoryScope scope, long afterSequence, int limit) {
        return read(() -> byItem.getOrDefault(dfid, new TreeMap<>()).tailMap(afterSequence, false).values().stream()
                .filter(scope::includes).limit(limit).toList());
    }

    @Override
    public long count(String dfid, HistoryScope scope) {
        return read(() -> byItem.getOrDefault(dfid, new TreeMap<>()).values().stream().filter(scope::includes)
                .count());
    }

    @Override
    public Optional<StorageRecord> find(String dfid, long sequence) {
        return read(() -> Optional.ofNullable(byItem.getOrDefault(dfid, new TreeMap<>()).get(sequence)));
    }

    @Override
    public Optional<StorageRecord> latest(String dfid) {
        return latest(dfid, HistoryScope.ALL);
    }

    @Override
    public Optional<StorageRecord> latest(String dfid, HistoryScope scope) {
        return read(() -> byItem.getOrDefault(dfid, new TreeMap<>()).descendingMap().values().stream()
                .filter(scope::includes).findFirst());
    }

    @Override
    public Optional<StorageRecord> newestAt(String dfid, StorageLocation location) {
        return read(() -> byItem.getOrDefault(dfid, new TreeMap<>()).descendingMap().values().stream()
                .filter(location::namedBy).findFirst());
    }

    @Override
    public Optional<StorageRecord> primary(String dfid) {
        return read(() -> byItem.getOrDefault(dfid, new TreeMap<>()).values().stream().filter(StorageRecord::primary)
                .findFirst());
    }

    @Override
    public void markPrimary(String dfid, UUID recordId) {
        uow.inTransaction(() -> {
            uow.hold(lock);
            TreeMap<Long, StorageRecord> records = byItem.getOrDefault(dfid, new TreeMap<>());
            List<StorageRecord> before = new ArrayList<>(records.values());
            for (StorageRecord r : before) {
                boolean primary = r.recordId().equals(recordId);
                if (r.primary() != primary) {
                    records.put(r.timelineSequence(), r.withPrimary(primary));
                    byMessage.put(r.messageId(), r.withPrimary(primary));
                }
            }
            uow.onRollback(() -> before.forEach(r -> {
                records.put(r.timelineSequence(), r);
                byMessage.put(r.messageId(), r);
            }));
        });
    }

    @Override
    public StorageStatistics statistics(String ownerId) {
        return read(() -> {
            long items = 0;
            long records = 0;
            long migrations = 0;
            Map<String, Long> perAdapter = new TreeMap<>();
            for (TreeMap<Long, StorageRecord> item : byItem.values()) {
                List<StorageRecord> owned = item.values().stream().filter(r -> r.ownerId().equals(ownerId)).toList();
                items += owned.isEmpty() ? 0 : 1;
                records += owned.size();
                for (StorageRecord r : owned) {
                    perAdapter.merge(r.adapterType(), 1L, Long::sum);
                    migrations += StorageRecord.MIGRATION.equals(r.operation()) ? 1 : 0;
                }
            }
            return new StorageStatistics(items, records, perAdapter, migrations);
        });
    }

    private <T> T read(Supplier<T> reader) {
        lock.lock();
        try {
            return reader.get();
        } finally {
            lock.unlock();
        }
    }
}
