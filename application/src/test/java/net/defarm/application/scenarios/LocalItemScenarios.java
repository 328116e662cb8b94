package net.defarm.application.scenarios;

import static net.defarm.application.testing.Fixture.lote;
import static net.defarm.application.testing.Fixture.sisbov;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.application.items.LocalItems;
import net.defarm.application.shared.Actor;
import net.defarm.domain.items.DuplicateGroup;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatus;
import net.defarm.domain.items.MergeStrategy;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Local items (LIDs), given/when/then cases 19-24 (docs/domain-rules.md). */
public abstract class LocalItemScenarios extends StoreScenarios {

    private Actor alice;
    private LocalItems local;

    @BeforeEach
    void setUp() {
        alice = f.newUser("alice");
        local = f.items.localItems();
    }

    @Test
    void case19_localItemIsStoredUnderItsLidAndMapsToNoDfid() {
        Item item = local.create(alice, List.of(lote("L19")), null);
        assertEquals("LID-" + item.localId(), item.dfid());
        assertFalse(item.legacyMode());
        LocalItems.Mapping mapping = local.mapping(alice, item.localId());
        assertFalse(mapping.tokenized());
        assertNull(mapping.dfid());
        assertThrows(NotFoundException.class, () -> local.mapping(f.newUser("bob"), item.localId()));
        assertThrows(NotFoundException.class, () -> local.mapping(alice, UUID.randomUUID()));
    }

    @Test
    void case19b_tokenizedLidMapsToItsDfid() {
        Item item = local.create(alice, List.of(lote("L19b")), null);
        Item global = f.createItem(alice, null, lote("L19b-global"));
        f.storage.unitOfWork().inTransaction(() -> f.storage.lidMappings().bind(item.localId(), global.dfid()));
        LocalItems.Mapping mapping = local.mapping(alice, item.localId());
        assertTrue(mapping.tokenized());
        assertEquals(global.dfid(), mapping.dfid());
        assertThrows(ConflictException.class,
                () -> f.storage.lidMappings().bind(item.localId(), "DFID-20250101-000001-F7BD"));
    }

    @Test
    void case20_sameFirstCanonicalIdentifierGroupsDuplicatesContextualNever() {
        local.create(alice, List.of(sisbov("BR111111111111"), lote("x")), null);
        local.create(alice, List.of(lote("y"), sisbov("BR111111111111")), null);
        local.create(alice, List.of(lote("same")), null);
        local.create(alice, List.of(lote("same")), null);
        List<DuplicateGroup> groups = local.duplicates(alice);
        assertEquals(1, groups.size());
        assertEquals("bovino:sisbov", groups.getFirst().identifierKey());
        assertEquals("BR111111111111", groups.getFirst().identifierValue());
        assertEquals(2, groups.getFirst().items().size());
    }

    @Test
    void case21_mergeWithAppendStrategyAndMergedIntoStatus() {
        Item master = local.create(alice, List.of(lote("m")), JsonObject.of(Map.of(
                "tags", JsonArray.of(JsonValue.of("a")), "w", JsonValue.of(1))));
        Item other = local.create(alice, List.of(lote("o")), JsonObject.of(Map.of(
                "tags", JsonArray.of(JsonValue.of("a"), JsonValue.of("b")), "w", JsonValue.of(2),
                "c", JsonObject.of("x", JsonValue.of(1)))));
        LocalItems.MergeResult r = local.merge(alice, master.localId(), List.of(other.localId()), MergeStrategy.APPEND);
        assertEquals("{\"c\":{\"x\":1},\"tags\":[\"a\",\"b\"],\"w\":2}", r.master().enrichedData().toCanonicalJson());
        assertTrue(r.master().sourceEntries().containsAll(other.sourceEntries()));
        assertEquals(ItemStatus.mergedInto(master.localId().toString()),
                f.items.queries().get(alice, other.dfid()).status());
    }

    @Test
    void case22_mergingAMergedOrTokenizedItemIsRefused() {
        Item a = local.create(alice, List.of(lote("a")), null);
        Item b = local.create(alice, List.of(lote("b")), null);
        Item c = local.create(alice, List.of(lote("c")), null);
        local.merge(alice, a.localId(), List.of(b.localId()), MergeStrategy.APPEND);
        ConflictException merged = assertThrows(ConflictException.class,
                () -> local.merge(alice, c.localId(), List.of(b.localId()), MergeStrategy.APPEND));
        assertTrue(merged.getMessage().contains("has already been merged into another item"), merged.getMessage());
        Item global = f.createItem(alice, null, lote("tok"));
        f.storage.unitOfWork().inTransaction(() -> f.storage.lidMappings().bind(c.localId(), global.dfid()));
        ConflictException pushed = assertThrows(ConflictException.class,
                () -> local.merge(alice, c.localId(), List.of(a.localId()), MergeStrategy.APPEND));
        assertTrue(pushed.getMessage().contains("already been pushed to a circuit"), pushed.getMessage());
        assertThrows(InvalidInputException.class,
                () -> local.merge(alice, a.localId(), List.of(a.localId()), MergeStrategy.APPEND));
        assertThrows(InvalidInputException.class,
                () -> local.merge(alice, a.localId(), List.of(), MergeStrategy.APPEND));
    }

    @Test
    void case23_unmergeRestoresOnlyMergedItems() {
        Item a = local.create(alice, List.of(lote("ua")), null);
        Item b = local.create(alice, List.of(lote("ub")), null);
        local.merge(alice, a.localId(), List.of(b.localId()), MergeStrategy.KEEP_FIRST);
        LocalItems.UnmergeResult r = local.unmerge(alice, b.localId());
        assertEquals(ItemStatus.ACTIVE, r.restored().status());
        assertEquals(a.localId().toString(), r.previousMasterLid());
        ConflictException e = assertThrows(ConflictException.class, () -> local.unmerge(alice, a.localId()));
        assertTrue(e.getMessage().contains("is not in MergedInto status, cannot unmerge"));
    }

    @Test
    void case24_organizeDryRunReportsThenMergesIntoTheOldest() {
        Item oldest = local.create(alice, List.of(sisbov("BR222222222222")), null);
        f.clock.advance(Duration.ofSeconds(1));
        local.create(alice, List.of(sisbov("BR222222222222")), null);
        f.clock.advance(Duration.ofSeconds(1));
        local.create(alice, List.of(sisbov("BR222222222222")), null);

        LocalItems.OrganizeResult dry = local.organize(alice, MergeStrategy.APPEND, true);
        assertEquals(3, dry.itemsBefore());
        assertEquals(2, dry.mergedCount());
        assertEquals(3, dry.itemsAfter());
        assertEquals("would_merge", dry.outcomes().getFirst().status());
        assertEquals(1, local.duplicates(alice).size(), "a dry run changes nothing");

        LocalItems.OrganizeResult real = local.organize(alice, MergeStrategy.APPEND, false);
        assertEquals(1, real.itemsAfter());
        assertEquals(2, real.mergedCount());
        assertEquals(oldest.localId(), real.outcomes().getFirst().masterLid());
        assertEquals("success", real.outcomes().getFirst().status());
        assertTrue(local.duplicates(alice).isEmpty());
    }
}
