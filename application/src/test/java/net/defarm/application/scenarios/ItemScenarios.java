package net.defarm.application.scenarios;

import static net.defarm.application.testing.Fixture.lote;
import static net.defarm.application.testing.Fixture.sisbov;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.items.CreateItem;
import net.defarm.application.items.CreateItemsBatch;
import net.defarm.application.items.ItemStoredAsPendingException;
import net.defarm.application.items.MergeItems;
import net.defarm.application.items.PendingItems;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.items.Dfid;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatistics;
import net.defarm.domain.items.ItemStatus;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.items.PendingPriority;
import net.defarm.domain.items.PendingReason;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Items use cases, given/when/then cases 9-18b (docs/domain-rules.md), plus ownership and paging.
 * Abstract: each store runs it with its own {@link #newStorage()}.
 */
public abstract class ItemScenarios extends StoreScenarios {

    protected Actor alice;
    protected Actor bob;

    @BeforeEach
    void setUp() {
        alice = f.newUser("alice");
        bob = f.newUser("bob");
    }

    @Test
    void case09_newIdentifierCreatesAnActiveItemWithAValidDfid() {
        Item item = f.createItem(alice, null, lote("1"));
        assertTrue(Dfid.isValid(item.dfid()), item.dfid());
        assertEquals(ItemStatus.ACTIVE, item.status());
        assertEquals(1.0, item.confidenceScore());
        assertTrue(item.legacyMode());
        assertEquals(item, f.items.queries().get(alice, item.dfid()));
    }

    @Test
    void case10_knownIdentifierEnrichesTheExistingItem() {
        Item x = f.createItem(alice, null, lote("A"));
        UUID source = UUID.randomUUID();
        Item again = assertInstanceOf(CreateItem.Created.class, f.items.createItem().create(alice,
                new CreateItem.Command(List.of(lote("A"), lote("B")), JsonObject.of("w", JsonValue.of(10)), source)))
                .item();
        assertEquals(x.dfid(), again.dfid());
        assertEquals(Set.of("generic:lote:A", "generic:lote:B"), keys(again));
        assertEquals(JsonValue.of(10), again.enrichedData().get("w").orElseThrow());
        assertEquals(source, again.sourceEntries().getLast());
        assertEquals(again, f.items.queries().get(alice, x.dfid()));
    }

    @Test
    void case11_noIdentifiersIsHeldAsHighPriorityPending() {
        ItemStoredAsPendingException e = assertThrows(ItemStoredAsPendingException.class,
                () -> f.createItem(alice, null));
        assertTrue(e.getMessage().contains("Item stored as pending: NoIdentifiers"), e.getMessage());
        PendingItem pending = f.items.pendingItems().get(alice, UUID.fromString(e.details().get("pending_id")));
        assertEquals(PendingPriority.HIGH, pending.priority());
        assertFalse(pending.manualReviewRequired());
    }

    @Test
    void case12_nullAttributeIsALowPriorityQualityIssue() {
        ItemStoredAsPendingException e = assertThrows(ItemStoredAsPendingException.class,
                () -> f.createItem(alice, JsonObject.of("x", JsonNull.INSTANCE), lote("12")));
        PendingItem pending = f.items.pendingItems().get(alice, UUID.fromString(e.details().get("pending_id")));
        PendingReason.DataQualityIssue reason = assertInstanceOf(PendingReason.DataQualityIssue.class,
                pending.reason());
        assertEquals("null_value", reason.issueType());
        assertEquals(PendingPriority.LOW, pending.priority());
        assertFalse(pending.manualReviewRequired());
    }

    @Test
    void case13_identifierOnTwoItemsIsACriticalConflictListingBothSorted() {
        Item p = f.createItem(alice, null, lote("P"));
        Item s = f.createItem(alice, null, lote("S"));
        f.items.mergeItems().merge(alice, p.dfid(), s.dfid());
        ItemStoredAsPendingException e = assertThrows(ItemStoredAsPendingException.class,
                () -> f.createItem(alice, null, lote("S")));
        PendingItem pending = f.items.pendingItems().get(alice, UUID.fromString(e.details().get("pending_id")));
        PendingReason.ConflictingDfids c = assertInstanceOf(PendingReason.ConflictingDfids.class, pending.reason());
        assertEquals(List.of(p.dfid(), s.dfid()).stream().sorted().toList(), c.conflictingDfids());
        assertEquals(PendingPriority.CRITICAL, pending.priority());
        assertTrue(pending.manualReviewRequired());
    }

    @Test
    void case14_approvingAStillConflictingPendingItemRaisesItsPriorityOnce() {
        ItemStoredAsPendingException e = assertThrows(ItemStoredAsPendingException.class,
                () -> f.createItem(alice, JsonObject.of("k", JsonNull.INSTANCE), lote("14")));
        UUID id = UUID.fromString(e.details().get("pending_id"));
        PendingItem still = assertInstanceOf(PendingItems.StillPending.class,
                f.items.pendingItems().resolve(alice, id, PendingItems.Action.APPROVE, null, null)).pending();
        assertEquals(PendingPriority.NORMAL, still.priority(), "Low raised by one level");
        assertEquals(1, still.retryCount());
        assertEquals(1, f.items.pendingItems().list(alice, null, null, PageRequest.firstPage()).items().size(),
                "no duplicate pending item is stored");

        assertInstanceOf(PendingItems.Rejected.class, f.items.pendingItems().resolve(alice, id,
                PendingItems.Action.REJECT, null, null));
        assertThrows(NotFoundException.class, () -> f.items.pendingItems().get(alice, id));
    }

    @Test
    void case14b_modifyThenApproveCreatesTheItemAndRemovesThePendingItem() {
        ItemStoredAsPendingException e = assertThrows(ItemStoredAsPendingException.class,
                () -> f.createItem(alice, null));
        UUID id = UUID.fromString(e.details().get("pending_id"));
        f.items.pendingItems().resolve(alice, id, PendingItems.Action.MODIFY, List.of(lote("fixed")),
                JsonObject.of("w", JsonValue.of(1)));
        Item approved = assertInstanceOf(PendingItems.Approved.class,
                f.items.pendingItems().resolve(alice, id, PendingItems.Action.APPROVE, null, null)).item();
        assertEquals(Set.of("generic:lote:fixed"), keys(approved));
        assertThrows(NotFoundException.class, () -> f.items.pendingItems().get(alice, id));
    }

    @Test
    void case15_enrichOverwritesPutsAllAndRecordsProvenance() {
        Item item = f.createItem(alice, null, lote("15"));
        Item once = f.items.updateItem().update(alice, item.dfid(), JsonObject.of("a", JsonValue.of(1)), null);
        Item twice = f.items.updateItem().update(alice, item.dfid(),
                JsonObject.of(Map.of("a", JsonValue.of(2), "b", JsonValue.of(3))), null);
        assertEquals("{\"a\":2,\"b\":3}", twice.enrichedData().toCanonicalJson());
        assertEquals(item.sourceEntries().size() + 2, twice.sourceEntries().size());
        assertTrue(twice.lastModified().isAfter(once.lastModified()));
    }

    @Test
    void case16_mergeAbsorbsTheSecondaryWhichKeepsItsIdentifiers() {
        Item p = f.createItem(alice, JsonObject.of("k", JsonValue.of("p")), lote("P16"));
        Item s = f.createItem(alice, JsonObject.of("k", JsonValue.of("s")), lote("S16"));
        Item merged = f.items.mergeItems().merge(alice, p.dfid(), s.dfid());
        assertEquals(Set.of("generic:lote:P16", "generic:lote:S16"), keys(merged));
        assertTrue(merged.sourceEntries().containsAll(s.sourceEntries()));
        assertEquals(JsonValue.of("s"), merged.enrichedData().get("k").orElseThrow());
        assertEquals(1.0, merged.confidenceScore());
        Item secondary = f.items.queries().get(alice, s.dfid());
        assertEquals(ItemStatus.MERGED, secondary.status());
        assertEquals(Set.of("generic:lote:S16"), keys(secondary));
        assertThrows(InvalidInputException.class, () -> f.items.mergeItems().merge(alice, p.dfid(), p.dfid()));
    }

    @Test
    void case17_splitMovesIdentifiersToANewItem() {
        Item d = f.createItem(alice, null, lote("A17"), lote("B17"));
        MergeItems.SplitResult r = f.items.mergeItems().split(alice, d.dfid(), List.of(lote("B17")));
        assertEquals(Set.of("generic:lote:A17"), keys(r.original()));
        assertEquals(ItemStatus.SPLIT, r.original().status());
        assertTrue(Dfid.isValid(r.created().dfid()));
        assertNotEquals(d.dfid(), r.created().dfid());
        assertEquals(Set.of("generic:lote:B17"), keys(r.created()));
        assertEquals(ItemStatus.ACTIVE, r.created().status());
        assertEquals(d.sourceEntries().getFirst(), r.created().sourceEntries().getFirst());
        assertThrows(InvalidInputException.class,
                () -> f.items.mergeItems().split(alice, d.dfid(), List.of(lote("not-there"))));
    }

    @Test
    void case18_deprecateKeepsTheItemReadable() {
        Item item = f.createItem(alice, null, lote("18"));
        f.items.updateItem().deprecate(alice, item.dfid());
        assertEquals(ItemStatus.DEPRECATED, f.items.queries().get(alice, item.dfid()).status());
    }

    @Test
    void case18b_firstMatchingIdentifierWinsAndLaterCreationsConflict() {
        Item x = f.createItem(alice, null, lote("A18b"));
        Item y = f.createItem(alice, null, lote("B18b"));
        Item both = f.createItem(alice, null, lote("A18b"), lote("B18b"));
        assertEquals(x.dfid(), both.dfid());
        assertTrue(keys(both).contains("generic:lote:B18b"));
        ItemStoredAsPendingException e = assertThrows(ItemStoredAsPendingException.class,
                () -> f.createItem(alice, null, lote("B18b")));
        PendingItem pending = f.items.pendingItems().get(alice, UUID.fromString(e.details().get("pending_id")));
        assertEquals(List.of(x.dfid(), y.dfid()).stream().sorted().toList(),
                ((PendingReason.ConflictingDfids) pending.reason()).conflictingDfids());
    }

    @Test
    void itemsAreVisibleOnlyToTheirOwnerAndResolutionIsPerOwner() {
        Item mine = f.createItem(alice, null, sisbov("BR123456789012"));
        assertThrows(NotFoundException.class, () -> f.items.queries().get(bob, mine.dfid()));
        assertThrows(NotFoundException.class, () -> f.items.updateItem().deprecate(bob, mine.dfid()));
        Item bobs = f.createItem(bob, null, sisbov("BR123456789012"));
        assertNotEquals(mine.dfid(), bobs.dfid(), "another owner's identifier does not leak their item");
        assertEquals(1, f.items.queries().list(bob, null, null, null, PageRequest.firstPage()).items().size());
    }

    @Test
    void listingPagesThroughEveryItemOnceInCreationOrder() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(f.createItem(alice, null, lote("page-" + i)).dfid());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Item> page = f.items.queries().list(alice, null, null, null, new PageRequest(3, cursor));
            page.items().forEach(i -> seen.add(i.dfid()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(created, seen);
        assertEquals(3, pages);
        assertThrows(InvalidInputException.class,
                () -> f.items.queries().list(alice, null, null, null, new PageRequest(3, "bogus")));
    }

    @Test
    void listingFiltersByStatusAndIdentifier() {
        Item a = f.createItem(alice, null, lote("F1"));
        Item b = f.createItem(alice, null, Identifier.contextual("soja", "lote", "F2"));
        f.items.updateItem().deprecate(alice, b.dfid());
        assertEquals(List.of(a.dfid()), dfids(f.items.queries().list(alice, ItemStatus.Kind.ACTIVE, null, null,
                PageRequest.firstPage())));
        assertEquals(List.of(b.dfid()), dfids(f.items.queries().list(alice, null, "lote", "F2",
                PageRequest.firstPage())), "namespace is ignored by identifier search");
        assertEquals(List.of(a.dfid(), b.dfid()), dfids(f.items.queries().list(alice, null, "lote", null,
                PageRequest.firstPage())));
    }

    @Test
    void statisticsCountTheOwnersItems() {
        Item a = f.createItem(alice, null, lote("S1"), lote("S2"));
        Item b = f.createItem(alice, null, lote("S3"));
        f.items.mergeItems().merge(alice, a.dfid(), b.dfid());
        f.createItem(bob, null, lote("S1"));
        ItemStatistics stats = f.items.queries().statistics(alice);
        assertEquals(2, stats.total());
        assertEquals(1, stats.active());
        assertEquals(1, stats.merged());
        assertEquals(4, stats.totalIdentifiers());
        assertEquals(1.0, stats.averageConfidence());
    }

    @Test
    void batchCreatesEachItemOnItsOwn() {
        List<CreateItemsBatch.Result> results = f.items.createItemsBatch().createAll(alice, List.of(
                new CreateItem.Command(List.of(lote("b1")), null, UUID.randomUUID()),
                new CreateItem.Command(List.of(), null, UUID.randomUUID()),
                new CreateItem.Command(List.of(lote("b2")), null, UUID.randomUUID())));
        assertInstanceOf(CreateItemsBatch.Created.class, results.get(0));
        assertEquals("ITEM_STORED_AS_PENDING",
                assertInstanceOf(CreateItemsBatch.Refused.class, results.get(1)).errorCode());
        assertInstanceOf(CreateItemsBatch.Created.class, results.get(2));
    }

    @Test
    void aLaterItemOfABatchSeesTheEarlierOnes() {
        List<CreateItemsBatch.Result> results = f.items.createItemsBatch().createAll(alice, List.of(
                new CreateItem.Command(List.of(lote("s1")), null, UUID.randomUUID()),
                new CreateItem.Command(List.of(lote("s1"), lote("s2")), null, UUID.randomUUID())));
        Item first = assertInstanceOf(CreateItemsBatch.Created.class, results.get(0)).item();
        Item enriched = assertInstanceOf(CreateItemsBatch.Created.class, results.get(1)).item();
        assertEquals(first.dfid(), enriched.dfid(), "the second submission enriched the item the first created");
        assertEquals(2, enriched.identifiers().size());
    }

    @Test
    void concurrentSubmissionsOfANewIdentifierMakeOneItem() throws Exception {
        Set<String> dfids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofVirtual().start(() -> dfids.add(f.createItem(alice, null, lote("race")).dfid())));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, dfids.size(), "entity resolution is serialized per identifier");
        assertNotNull(f.items.queries().get(alice, dfids.iterator().next()));
    }

    @Test
    void pendingItemsAreListedMostUrgentFirstAndFilteredByReason() {
        assertThrows(ItemStoredAsPendingException.class, () -> f.createItem(alice, JsonObject.of("x",
                JsonNull.INSTANCE), lote("P1")));
        assertThrows(ItemStoredAsPendingException.class, () -> f.createItem(alice, null));
        List<PendingItem> all = f.items.pendingItems().list(alice, null, null, PageRequest.firstPage()).items();
        assertEquals(List.of(PendingPriority.HIGH, PendingPriority.LOW), all.stream().map(PendingItem::priority).toList());
        assertEquals(1, f.items.pendingItems().list(alice, "DataQualityIssue", null, PageRequest.firstPage())
                .items().size());
        assertEquals(1, f.items.pendingItems().list(alice, null, 3, PageRequest.firstPage()).items().size());
        assertTrue(f.items.pendingItems().list(bob, null, null, PageRequest.firstPage()).items().isEmpty());
        assertNull(f.items.pendingItems().list(alice, null, null, PageRequest.first(2)).nextCursor());
    }

    static Set<String> keys(Item item) {
        Set<String> keys = new HashSet<>();
        item.identifiers().forEach(i -> keys.add(i.uniqueKey()));
        return keys;
    }

    static List<String> dfids(Page<Item> page) {
        return page.items().stream().map(Item::dfid).toList();
    }
}
