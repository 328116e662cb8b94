package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.history.HistoryScope;
import net.defarm.domain.history.StorageStatistics;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.history.StorageLocation;
import net.defarm.domain.history.StorageRecord;
import net.defarm.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

/**
 * Storage history on every store: records read back as stored, numbered per item 1, 2, ..., one record per outbox
 * message (a second one is refused and rolls back with its transaction), one primary per item, per-owner counts.
 */
public abstract class StorageHistoryRepositoryContract extends StoreContract {

    private StorageRecord draft(String dfid, String owner, String operation, String adapter, boolean anchored) {
        Cid cid = Cid.of(("state " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        return new StorageRecord(UUID.randomUUID(), UUID.randomUUID(), dfid, owner, UUID.randomUUID(), owner,
                operation, adapter, cid, true, anchored ? "stellar-testnet" : null, anchored ? 7L : null,
                anchored ? "a".repeat(64) : null, anchored ? micros("2025-06-01T00:00:01.000001Z") : null,
                micros("2025-06-01T00:00:02.000002Z"), 0, false);
    }

    private StorageRecord append(StorageRecord draft) {
        return store.unitOfWork().inTransaction(() -> store.storageHistory().append(draft));
    }

    @Test
    void recordsReadBackAsStoredAndAreNumberedPerItem() {
        String owner = newOwner();
        String dfid = "DFID-" + UUID.randomUUID();
        StorageRecord first = append(draft(dfid, owner, StorageRecord.CIRCUIT_PUSH, "stellar_testnet-ipfs", true));
        StorageRecord second = append(draft(dfid, owner, StorageRecord.CIRCUIT_PUSH, "ipfs-ipfs", false));
        StorageRecord other = append(draft("DFID-" + UUID.randomUUID(), owner, StorageRecord.CIRCUIT_PUSH,
                "ipfs-ipfs", false));
        assertEquals(1, first.timelineSequence());
        assertEquals(2, second.timelineSequence());
        assertEquals(1, other.timelineSequence());
        var history = store.storageHistory();
        assertEquals(List.of(first, second), history.history(dfid, 0, 10));
        assertEquals(List.of(second), history.history(dfid, 1, 10));
        assertEquals(List.of(first), history.history(dfid, 0, 1));
        assertEquals(first, history.find(dfid, 1).orElseThrow());
        assertTrue(history.find(dfid, 3).isEmpty());
        assertEquals(second, history.latest(dfid).orElseThrow());
        assertEquals(first, history.findByMessage(first.messageId()).orElseThrow());
        assertTrue(history.findByMessage(UUID.randomUUID()).isEmpty());
        assertTrue(history.latest("DFID-unknown").isEmpty());
    }

    @Test
    void aScopeReadsOnlyTheRecordsOfItsCircuits() {
        String owner = newOwner();
        String dfid = "DFID-" + UUID.randomUUID();
        StorageRecord first = append(draft(dfid, owner, StorageRecord.CIRCUIT_PUSH, "ipfs-ipfs", false));
        StorageRecord second = append(draft(dfid, owner, StorageRecord.CIRCUIT_PUSH, "ipfs-ipfs", false));
        StorageRecord third = append(draft(dfid, owner, StorageRecord.CIRCUIT_PUSH, "ipfs-ipfs", false));
        var history = store.storageHistory();
        HistoryScope firstAndThird = HistoryScope.within(Set.of(first.circuitId(), third.circuitId()));
        assertEquals(List.of(first, third), history.history(dfid, firstAndThird, 0, 10));
        assertEquals(List.of(third), history.history(dfid, firstAndThird, 1, 10));
        assertEquals(2, history.count(dfid, firstAndThird));
        assertEquals(3, history.count(dfid, HistoryScope.ALL));
        assertEquals(first, history.latest(dfid, HistoryScope.within(Set.of(first.circuitId()))).orElseThrow());
        assertEquals(third, history.latest(dfid, HistoryScope.ALL).orElseThrow());
        HistoryScope none = HistoryScope.within(Set.of());
        assertEquals(List.of(), history.history(dfid, none, 0, 10));
        assertEquals(0, history.count(dfid, none));
        assertTrue(history.latest(dfid, none).isEmpty());
        assertTrue(history.primary(dfid).isEmpty());
        store.unitOfWork().inTransaction(() -> history.markPrimary(dfid, second.recordId()));
        assertEquals(second.withPrimary(true), history.primary(dfid).orElseThrow());
        assertEquals(third, history.newestAt(dfid, StorageLocation.ipfs(third.cid().value(), true)).orElseThrow());
        assertTrue(history.newestAt(dfid, StorageLocation.stellar("b".repeat(64), null, null)).isEmpty());
    }

    @Test
    void aMessageIsRecordedOnceAndARefusalRollsBack() {
        String owner = newOwner();
        String dfid = "DFID-" + UUID.randomUUID();
        StorageRecord first = append(draft(dfid, owner, StorageRecord.CIRCUIT_PUSH, "ipfs-ipfs", false));
        StorageRecord again = new StorageRecord(UUID.randomUUID(), first.messageId(), dfid, owner, null, owner,
                StorageRecord.CIRCUIT_PUSH, "ipfs-ipfs", first.cid(), true, null, null, null, null, first.storedAt(),
                0, false);
        assertThrows(ConflictException.class, () -> append(again));
        assertEquals(List.of(first), store.storageHistory().history(dfid, 0, 10));
        // A record appended in a transaction that then fails is gone with it.
        assertThrows(IllegalStateException.class, () -> store.unitOfWork().inTransaction(() -> {
            store.storageHistory().append(draft(dfid, owner, StorageRecord.CIRCUIT_PUSH, "ipfs-ipfs", false));
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(1, store.storageHistory().history(dfid, 0, 10).size());
        assertEquals(2, append(draft(dfid, owner, StorageRecord.MIGRATION, "ipfs-ipfs", false)).timelineSequence());
    }

    @Test
    void oneRecordIsPrimaryAtATime() {
        String owner = newOwner();
        String dfid = "DFID-" + UUID.randomUUID();
        StorageRecord first = append(draft(dfid, owner, StorageRecord.CIRCUIT_PUSH, "ipfs-ipfs", false));
        StorageRecord second = append(draft(dfid, owner, StorageRecord.CIRCUIT_PUSH, "ipfs-ipfs", false));
        store.unitOfWork().inTransaction(() -> store.storageHistory().markPrimary(dfid, first.recordId()));
        assertTrue(store.storageHistory().find(dfid, 1).orElseThrow().primary());
        store.unitOfWork().inTransaction(() -> store.storageHistory().markPrimary(dfid, second.recordId()));
        assertFalse(store.storageHistory().find(dfid, 1).orElseThrow().primary());
        assertTrue(store.storageHistory().find(dfid, 2).orElseThrow().primary());
        assertTrue(store.storageHistory().findByMessage(second.messageId()).orElseThrow().primary());
    }

    @Test
    void concurrentPrimaryMarksNeverCollide() throws Exception {
        String owner = newOwner();
        String dfid = "DFID-" + UUID.randomUUID();
        List<StorageRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(append(draft(dfid, owner, StorageRecord.CIRCUIT_PUSH, "ipfs-ipfs", false)));
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<?>> marks = new java.util.ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (StorageRecord r : records) {
                    marks.add(pool.submit(() -> store.unitOfWork().inTransaction(
                            () -> store.storageHistory().markPrimary(dfid, r.recordId()))));
                }
            }
            for (var mark : marks) {
                mark.get(); // A collision on the one-primary rule would surface here.
            }
        }
        assertEquals(1, store.storageHistory().history(dfid, 0, 10).stream().filter(StorageRecord::primary).count());
    }

    @Test
    void statisticsCountOnlyTheOwnersItems() {
        String owner = newOwner();
        String other = newOwner();
        String dfid = "DFID-" + UUID.randomUUID();
        append(draft(dfid, owner, StorageRecord.CIRCUIT_PUSH, "stellar_testnet-ipfs", true));
        append(draft(dfid, owner, StorageRecord.MIGRATION, "ipfs-ipfs", false));
        append(draft("DFID-" + UUID.randomUUID(), owner, StorageRecord.CIRCUIT_PUSH, "ipfs-ipfs", false));
        append(draft("DFID-" + UUID.randomUUID(), other, StorageRecord.CIRCUIT_PUSH, "ipfs-ipfs", false));
        StorageStatistics s = store.storageHistory().statistics(owner);
        assertEquals(2, s.itemsTracked());
        assertEquals(3, s.records());
        assertEquals(Map.of("ipfs-ipfs", 2L, "stellar_testnet-ipfs", 1L), s.perAdapter());
        assertEquals(1, s.migrations());
        assertEquals(0, store.storageHistory().statistics(newOwner()).records());
    }
}
