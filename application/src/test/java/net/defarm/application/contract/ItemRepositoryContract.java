package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.items.ItemRepository.ItemQuery;
import net.defarm.domain.items.ExternalAlias;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatistics;
import net.defarm.domain.items.ItemStatus;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonNumber;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;
import org.junit.jupiter.api.Test;

/** ItemRepository contract (storage contract cases G-01..G-11, ITEM-01..05, docs/storage-modes.md). */
public abstract class ItemRepositoryContract extends StoreContract {

    private ItemRepository items() {
        return store.items();
    }

    private Item insert(Item item) {
        return store.unitOfWork().inTransaction(() -> items().insert(item));
    }

    private Item update(Item item) {
        return store.unitOfWork().inTransaction(() -> items().update(item));
    }

    public static Item fullItem(String dfid, String owner) {
        Instant created = micros("2025-01-02T03:04:05.678901Z");
        JsonObject data = JsonObject.of(Map.of("peso", JsonNumber.of(450.5), "tags", JsonArray.of(JsonValue.of("a"),
                JsonNull.INSTANCE), "nested", JsonObject.of("ü✓", JsonValue.of(true)), "big",
                JsonNumber.of(new java.math.BigInteger("18446744073709551615")), "empty", JsonObject.EMPTY));
        return new Item(dfid, UUID.randomUUID(), false,
                List.of(Identifier.canonicalVerified("bovino", "sisbov", "BR123456789012",
                                micros("2024-12-31T23:59:59.999999Z")),
                        Identifier.canonical("bovino", "cpf", "123.456.789-01"),
                        Identifier.contextual("generic", "brinco:tag", "v:1", "organization")),
                List.of(new ExternalAlias("user:alice", "lid-1", "alice", micros("2025-01-01T00:00:00.000001Z"),
                        "ab12")),
                "fp-123", data, created, created.plusNanos(5_000), List.of(UUID.randomUUID(), UUID.randomUUID()),
                0.75, ItemStatus.mergedInto("b4b6f3a2-0000-4000-8000-000000000001"), owner, 0);
    }

    @Test
    void roundTripsEveryFieldToTheMicrosecond() {
        String owner = newOwner();
        Item item = fullItem("DFID-20250102-000001-0001", owner);
        Item stored = insert(item);
        assertEquals(item.atVersion(1), stored);
        assertEquals(stored, items().findByDfid(item.dfid()).orElseThrow());
    }

    @Test
    void manyItemsAreStoredAtOnceWholeOrNotAtAll() {
        String owner = newOwner();
        Item full = fullItem("DFID-20250102-000002-0002", owner);
        Item bare = Item.create("DFID-BULK-2", List.of(), null, UUID.randomUUID(), owner,
                micros("2025-01-01T00:00:00.25Z"));
        store.unitOfWork().inTransaction(() -> items().insertAll(List.of(full, bare)));
        assertEquals(full.atVersion(1), items().findByDfid(full.dfid()).orElseThrow());
        assertEquals(bare.atVersion(1), items().findByDfid(bare.dfid()).orElseThrow());
        Item fresh = Item.create("DFID-BULK-3", List.of(), null, UUID.randomUUID(), owner,
                micros("2025-01-01T00:00:00Z"));
        assertThrows(ConflictException.class, () -> store.unitOfWork().inTransaction(() ->
                items().insertAll(List.of(fresh, bare))));
        assertTrue(items().findByDfid(fresh.dfid()).isEmpty(), "all or nothing");
    }

    @Test
    void manyItemsKeepTabsNewlinesAndBackslashesExactly() {
        String owner = newOwner();
        String awkward = "tab\there\nnew line\r\\N back\\slash \\.";
        Item item = Item.create("DFID-BULK-TEXT", List.of(Identifier.contextual("generic", "lote", awkward)),
                JsonObject.of("note", JsonValue.of(awkward)), UUID.randomUUID(), owner,
                micros("2025-01-01T00:00:00Z"));
        store.unitOfWork().inTransaction(() -> items().insertAll(List.of(item)));
        assertEquals(item.atVersion(1), items().findByDfid(item.dfid()).orElseThrow());
    }

    @Test
    void duplicatesMissingAndStaleWritesAreRefused() {
        String owner = newOwner();
        Item item = insert(Item.create("DFID-A", List.of(Identifier.contextual("generic", "lote", "1")), null,
                UUID.randomUUID(), owner, micros("2025-01-01T00:00:00.5Z")));
        assertThrows(ConflictException.class, () -> insert(item));
        Item changed = update(item.withStatus(ItemStatus.DEPRECATED, micros("2025-01-02T00:00:00Z")));
        assertEquals(2, changed.version());
        StaleUpdateException stale = assertThrows(StaleUpdateException.class,
                () -> update(item.withStatus(ItemStatus.SPLIT, micros("2025-01-03T00:00:00Z"))));
        assertEquals("CONCURRENT_MODIFICATION", stale.code());
        assertEquals(changed, items().findByDfid("DFID-A").orElseThrow(), "a stale update changes nothing");
        assertThrows(NotFoundException.class, () -> update(Item.create("DFID-missing", List.of(), null,
                UUID.randomUUID(), owner, micros("2025-01-01T00:00:00Z"))));
        assertTrue(items().findByDfid("DFID-unknown").isEmpty());
    }

    @Test
    void updatesReplaceIdentifiersAndProvenanceAsAWhole() {
        String owner = newOwner();
        Identifier a = Identifier.contextual("generic", "lote", "A");
        Identifier b = Identifier.contextual("generic", "lote", "B");
        Item item = insert(Item.create("DFID-R", List.of(a, b), null, UUID.randomUUID(), owner,
                micros("2025-01-01T00:00:00Z")));
        Item split = update(item.splitOff(List.of(a), micros("2025-01-01T00:00:01Z")));
        assertEquals(List.of(b), split.identifiers());
        assertEquals(split, items().findByDfid("DFID-R").orElseThrow());
        assertEquals(List.of(), items().findDfidsByIdentifier(owner, a, 10), "the index follows the update");
        assertEquals(List.of("DFID-R"), items().findDfidsByIdentifier(owner, b, 10));
        Item enriched = update(split.enrichedWith(JsonObject.of("k", JsonValue.of(1)), UUID.randomUUID(),
                micros("2025-01-01T00:00:02Z")));
        assertEquals(2, enriched.sourceEntries().size());
        assertEquals(enriched, items().findByDfid("DFID-R").orElseThrow());
    }

    @Test
    void identifierLookupIsExactAndPerOwnerOldestFirst() {
        String owner = newOwner();
        String other = newOwner();
        Identifier sisbov = Identifier.canonical("bovino", "sisbov", "BR111111111111");
        insert(Item.create("DFID-2", List.of(sisbov), null, UUID.randomUUID(), owner, micros("2025-01-02T00:00:00Z")));
        insert(Item.create("DFID-1", List.of(sisbov), null, UUID.randomUUID(), owner, micros("2025-01-01T00:00:00Z")));
        insert(Item.create("DFID-3", List.of(sisbov), null, UUID.randomUUID(), other, micros("2025-01-01T00:00:00Z")));
        assertEquals(List.of("DFID-1", "DFID-2"), items().findDfidsByIdentifier(owner, sisbov, 10));
        assertEquals(List.of("DFID-1"), items().findDfidsByIdentifier(owner, sisbov, 1));
        assertEquals(List.of(), items().findDfidsByIdentifier(owner, sisbov.withNamespace("generic"), 10));
        assertEquals(List.of(), items().findDfidsByIdentifier(owner,
                Identifier.canonical("bovino", "sisbov2", "BR111111111111"), 10));
        assertEquals(List.of("DFID-1", "DFID-2"), items().findDfidsByIdentifier(owner,
                Identifier.contextual("bovino", "sisbov", "BR111111111111"), 10), "the type does not change the name");
    }

    @Test
    void listsFilterByStatusAndIdentifierAndPagePastAThousandWithNoHiddenCap() {
        String owner = newOwner();
        Instant base = micros("2025-03-01T00:00:00Z");
        List<Item> batch = new ArrayList<>();
        for (int i = 0; i < 1205; i++) {
            // Pairs share a timestamp so the dfid tie-breaker is exercised.
            batch.add(Item.create("DFID-P-" + String.format("%05d", i), List.of(Identifier.contextual("generic",
                            "lote", "L" + (i % 7))), null, UUID.randomUUID(), owner, base.plusSeconds(i / 2)));
        }
        store.unitOfWork().inTransaction(() -> batch.forEach(items()::insert));
        List<String> seen = new ArrayList<>();
        ItemRepository.ItemKey after = null;
        int pages = 0;
        while (true) {
            List<Item> page = items().find(ItemQuery.all(owner), after, 1000);
            page.forEach(i -> seen.add(i.dfid()));
            pages++;
            if (page.size() < 1000) {
                break;
            }
            after = ItemRepository.ItemKey.of(page.getLast());
        }
        assertEquals(2, pages);
        assertEquals(batch.stream().map(Item::dfid).toList(), seen, "every item once, in (createdAt, dfid) order");
        List<Item> lote3 = items().find(new ItemQuery(owner, null, "lote", "L3"), null, 1000);
        assertEquals(batch.stream().filter(i -> i.identifiers().getFirst().value().equals("L3")).count(),
                lote3.size());
        update(items().findByDfid("DFID-P-00003").orElseThrow().withStatus(ItemStatus.DEPRECATED, base));
        assertEquals(List.of("DFID-P-00003"), items().find(new ItemQuery(owner, ItemStatus.Kind.DEPRECATED, null,
                null), null, 10).stream().map(Item::dfid).toList());
        assertTrue(items().find(ItemQuery.all(newOwner()), null, 10).isEmpty());
    }

    @Test
    void statisticsAndDuplicatesReadWhatWasWritten() {
        String owner = newOwner();
        Instant t = micros("2025-01-01T00:00:00Z");
        Identifier sisbov = Identifier.canonical("bovino", "sisbov", "BR222222222222");
        Item l1 = insert(Item.createLocal(UUID.randomUUID(), List.of(Identifier.contextual("generic", "x", "1"),
                sisbov), null, UUID.randomUUID(), owner, t));
        Item l2 = insert(Item.createLocal(UUID.randomUUID(), List.of(sisbov), null, UUID.randomUUID(), owner,
                t.plusSeconds(1)));
        insert(Item.createLocal(UUID.randomUUID(), List.of(Identifier.contextual("generic", "x", "1")), null,
                UUID.randomUUID(), owner, t.plusSeconds(2)));
        Item merged = insert(Item.create("DFID-M", List.of(sisbov), null, UUID.randomUUID(), owner, t));
        update(merged.withStatus(ItemStatus.MERGED, t));
        var groups = items().findLocalDuplicates(owner, 10);
        assertEquals(1, groups.size());
        assertEquals("bovino:sisbov", groups.getFirst().identifierKey());
        assertEquals(List.of(l1.dfid(), l2.dfid()), groups.getFirst().items().stream().map(Item::dfid).toList());
        ItemStatistics stats = items().statistics(owner);
        assertEquals(4, stats.total());
        assertEquals(3, stats.active());
        assertEquals(1, stats.merged());
        assertEquals(5, stats.totalIdentifiers());
        assertEquals(1.0, stats.averageConfidence());
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        String owner = newOwner();
        Item first = Item.create("DFID-TX-1", List.of(Identifier.contextual("generic", "tx", "1")), null,
                UUID.randomUUID(), owner, micros("2025-01-01T00:00:00Z"));
        Item existing = insert(Item.create("DFID-TX-0", List.of(), null, UUID.randomUUID(), owner,
                micros("2025-01-01T00:00:00Z")));
        RuntimeException boom = assertThrows(IllegalStateException.class, () ->
                store.unitOfWork().inTransaction(() -> {
                    items().insert(first);
                    items().update(existing.withStatus(ItemStatus.SPLIT, micros("2025-01-02T00:00:00Z")));
                    store.lidMappings().bind(UUID.randomUUID(), "DFID-TX-1");
                    throw new IllegalStateException("failure after three writes");
                }));
        assertEquals("failure after three writes", boom.getMessage());
        assertTrue(items().findByDfid("DFID-TX-1").isEmpty());
        assertEquals(existing, items().findByDfid("DFID-TX-0").orElseThrow());
        assertEquals(List.of(), items().findDfidsByIdentifier(owner, first.identifiers().getFirst(), 10));
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
        String owner = newOwner();
        Item item = insert(Item.create("DFID-C", List.of(), null, UUID.randomUUID(), owner,
                micros("2025-01-01T00:00:00Z")));
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    update(item.enrichedWith(JsonObject.of("writer", JsonValue.of(n)), UUID.randomUUID(),
                            micros("2025-01-02T00:00:00Z")));
                    wins.incrementAndGet();
                } catch (StaleUpdateException e) {
                    stale.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, wins.get());
        assertEquals(7, stale.get());
        assertEquals(2, items().findByDfid("DFID-C").orElseThrow().version());
    }

    @Test
    void dfidSequenceNeverRepeatsUnderConcurrency() throws Exception {
        Set<Long> values = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 50; i++) {
                    values.add(store.dfidSequence().next());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(400, values.size());
        assertEquals(400, new HashSet<>(values).size());
    }
}
