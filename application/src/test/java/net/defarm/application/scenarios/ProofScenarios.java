package net.defarm.application.scenarios;

import static net.defarm.application.testing.Fixture.lote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import net.defarm.application.circuits.ManageCircuits;
import net.defarm.application.events.RecordEvent;
import net.defarm.application.proofs.MerkleProofs;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.circuits.AccessMode;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.integrity.MerkleProof;
import net.defarm.domain.integrity.MerkleTree;
import net.defarm.domain.integrity.StateTrees;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Merkle proofs over stored events (cases 54-55) and what anonymous verifiers may see of public circuits. */
public abstract class ProofScenarios extends StoreScenarios {

    private Actor owner;
    private Actor member;
    private Actor outsider;

    @BeforeEach
    void setUp() {
        owner = f.newUser("owner");
        member = f.newUser("member");
        outsider = f.newUser("outsider");
    }

    /** A circuit, two of the member's items pushed into it, and the circuit's tree as its owner reads it. */
    private record Shared(Circuit circuit, Item one, Item two, MerkleProofs.CircuitTree tree) {
    }

    private Shared twoItemsShared(String prefix) {
        Circuit c = circuit();
        Item one = f.createItem(member, null, lote(prefix + "1"));
        Item two = f.createItem(member, null, lote(prefix + "2"));
        f.circuits.push().push(member, c.circuitId(), one.dfid());
        f.circuits.push().push(member, c.circuitId(), two.dfid());
        return new Shared(c, one, two, f.proofs.circuitRoot(owner, c.circuitId()));
    }

    private Circuit circuit() {
        Circuit c = f.circuits.manage().create(owner, new ManageCircuits.NewCircuit("Lote", "d", null, null, null,
                null));
        return f.circuits.membership().addMember(owner, c.circuitId(), member.userId(), MemberRole.MEMBER);
    }

    private void publish(Circuit c, List<String> dfids) {
        f.circuits.manage().setPublicSettings(owner, c.circuitId(), new ManageCircuits.PublicSettingsRequest(
                AccessMode.PUBLIC, null, null, "Public", null, null, null, null, null, null, dfids, true, false, false,
                null, null, null));
    }

    private RecordEvent.Recording event(Actor actor, String dfid, String key, EventVisibility visibility) {
        return f.events.recordEvent().record(actor, dfid, EventType.ENRICHED, visibility,
                JsonObject.of(key, JsonValue.of("v")));
    }

    @Test
    void case54_itemRootCoversEveryStoredEventAndEachEventHasAVerifyingProof() {
        Item item = f.createItem(member, null, lote("M54"));
        RecordEvent.Recording a = event(member, item.dfid(), "a", EventVisibility.PUBLIC);
        RecordEvent.Recording b = event(member, item.dfid(), "b", EventVisibility.PRIVATE);
        MerkleProofs.ItemTree tree = f.proofs.itemRoot(member, item.dfid());
        int stored = f.events.queries().forItem(member, item.dfid(), PageRequest.firstPage()).items().size();
        assertEquals(stored, tree.tree().size(), "every stored event is a leaf, private ones too");
        for (UUID id : List.of(a.event().eventId(), b.event().eventId())) {
            MerkleProof proof = f.proofs.eventProof(member, item.dfid(), id);
            assertTrue(f.proofs.verify(proof, tree.root()));
            assertFalse(f.proofs.verify(proof, "wrong_root"));
        }
        assertThrows(NotFoundException.class, () -> f.proofs.eventProof(member, item.dfid(), UUID.randomUUID()));
        assertThrows(NotFoundException.class, () -> f.proofs.itemRoot(outsider, item.dfid()),
                "a caller who cannot read the item cannot prove it either");
        String before = tree.root();
        event(member, item.dfid(), "c", EventVisibility.PUBLIC);
        assertTrue(!before.equals(f.proofs.itemRoot(member, item.dfid()).root()), "a new event changes the root");
    }

    @Test
    void anItemWithoutEventsHasNoRootAndAnEmptyCircuitNone() {
        Item item = f.createItem(member, null, lote("M0"));
        NotFoundException e = assertThrows(NotFoundException.class, () -> f.proofs.itemRoot(member, item.dfid()));
        assertEquals("NO_EVENTS", e.code());
        Circuit c = circuit();
        assertEquals("NO_ITEMS_WITH_EVENTS", assertThrows(NotFoundException.class,
                () -> f.proofs.circuitRoot(owner, c.circuitId())).code());
    }

    @Test
    void circuitRootIsOverItemRootsAndProvesEachItem() {
        Shared shared = twoItemsShared("C");
        Circuit c = shared.circuit();
        Item one = shared.one();
        Item two = shared.two();
        MerkleProofs.CircuitTree tree = shared.tree();
        assertEquals(2, tree.items().size());
        MerkleTree expected = StateTrees.circuitTree(List.of(
                new StateTrees.ItemRoot(one.dfid(), f.proofs.itemRoot(member, one.dfid()).root(), 0),
                new StateTrees.ItemRoot(two.dfid(), f.proofs.itemRoot(member, two.dfid()).root(), 0)));
        assertEquals(expected.root().orElseThrow(), tree.root());
        assertTrue(f.proofs.verify(f.proofs.itemProof(owner, c.circuitId(), one.dfid()), tree.root()));
        assertThrows(NotFoundException.class, () -> f.proofs.itemProof(owner, c.circuitId(), "DFID-NOT-IN"));
        assertThrows(NotFoundException.class, () -> f.proofs.circuitRoot(outsider, c.circuitId()));
    }

    @Test
    void case55_syncCheckReportsLocalOnlyRemoteOnlyAndModified() {
        Shared shared = twoItemsShared("S");
        UUID circuitId = shared.circuit().circuitId();
        String root = shared.tree().root();
        assertTrue(f.proofs.compare(owner, circuitId, root, root, null).inSync());
        MerkleProofs.SyncReport r = f.proofs.compare(owner, circuitId, root, "other", List.of(
                new StateTrees.ItemRoot(shared.two().dfid(), "changed", 1),
                new StateTrees.ItemRoot("DFID-REMOTE", "x", 1)));
        assertFalse(r.inSync());
        assertEquals(List.of(shared.one().dfid()), r.localOnly());
        assertEquals(List.of("DFID-REMOTE"), r.remoteOnly());
        assertEquals(List.of(shared.two().dfid()), r.modified());
        assertEquals(3, r.differingItems().size());
    }

    @Test
    void anonymousVerifiersSeeOnlyItemsAPublicCircuitPublishes() {
        Circuit c = circuit();
        Item published = f.createItem(member, null, lote("P1"));
        Item unpublished = f.createItem(member, null, lote("P2"));
        Item foreign = f.createItem(outsider, null, lote("P3"));
        f.circuits.push().push(member, c.circuitId(), published.dfid());
        f.circuits.push().push(member, c.circuitId(), unpublished.dfid());
        event(member, published.dfid(), "k", EventVisibility.PUBLIC);
        event(outsider, foreign.dfid(), "k", EventVisibility.PUBLIC);

        assertThrows(NotFoundException.class, () -> f.proofs.itemRoot(null, published.dfid()),
                "a private circuit publishes nothing");
        assertFalse(f.circuits.publication().isPublished(published.dfid()));

        assertThrows(InvalidInputException.class, () -> publish(c, List.of(published.dfid(), foreign.dfid())),
                "an item never pushed into the circuit by its owner cannot be listed");
        publish(c, List.of(published.dfid()));
        assertTrue(f.circuits.publication().isPublished(published.dfid()));
        assertEquals(f.proofs.itemRoot(member, published.dfid()).root(), f.proofs.itemRoot(null,
                published.dfid()).root(), "anyone computes the same root as a member");
        assertThrows(NotFoundException.class, () -> f.proofs.itemRoot(null, unpublished.dfid()));
        assertFalse(f.circuits.publication().isPublished(foreign.dfid()),
                "listing an item that was never pushed into the circuit does not publish it");
        assertThrows(NotFoundException.class, () -> f.snapshots.latest(null, foreign.dfid()));

        MerkleProofs.CircuitTree anonymous = f.proofs.circuitRoot(null, c.circuitId());
        assertEquals(f.proofs.circuitRoot(owner, c.circuitId()).root(), anonymous.root());
        assertEquals(List.of(published.dfid()), anonymous.items().stream().map(StateTrees.ItemRoot::dfid).toList(),
                "unpublished items of a public circuit are not listed to anonymous callers");
        assertThrows(NotFoundException.class, () -> f.proofs.itemProof(null, c.circuitId(), unpublished.dfid()));
        assertTrue(f.proofs.verify(f.proofs.itemProof(null, c.circuitId(), published.dfid()), anonymous.root()));
    }

    /** The rule is checked on every public read: a listing that no longer holds publishes nothing. */
    @Test
    void aPublishedItemTakenOutOfItsCircuitIsNoLongerPublic() {
        Circuit c = circuit();
        Item item = f.createItem(member, null, lote("OUT"));
        f.circuits.push().push(member, c.circuitId(), item.dfid());
        event(member, item.dfid(), "k", EventVisibility.PUBLIC);
        publish(c, List.of(item.dfid()));
        assertTrue(f.circuits.publication().isPublished(item.dfid()));
        f.snapshots.latest(null, item.dfid());

        f.circuits.pull().pull(member, c.circuitId(), item.dfid());
        assertFalse(f.circuits.publication().isPublished(item.dfid()), "still listed, but no longer in the circuit");
        assertThrows(NotFoundException.class, () -> f.snapshots.latest(null, item.dfid()));
        assertThrows(NotFoundException.class, () -> f.proofs.itemRoot(null, item.dfid()));
    }

    @Test
    void snapshotsOfPublishedItemsAreReadableAnonymouslyAndByIdOnlyForTheirItem() {
        Circuit c = circuit();
        var t = f.circuits.push().pushLocal(member, c.circuitId(), UUID.randomUUID(), List.of(lote("SN1")), null);
        event(member, t.dfid(), "k", EventVisibility.PUBLIC);
        assertThrows(NotFoundException.class, () -> f.snapshots.list(null, t.dfid(), PageRequest.firstPage()));
        publish(c, List.of(t.dfid()));
        var chain = f.snapshots.list(null, t.dfid(), PageRequest.firstPage());
        assertEquals(2, chain.total());
        assertEquals(2, chain.page().items().size());
        assertTrue(f.snapshots.verify(null, t.dfid()).valid());
        var latest = f.snapshots.latest(member, t.dfid());
        assertEquals(latest, f.snapshots.get(member, t.dfid(), latest.snapshotId()));
        Item other = f.createItem(member, null, lote("SN2"));
        assertThrows(NotFoundException.class, () -> f.snapshots.get(member, other.dfid(), latest.snapshotId()),
                "a snapshot of another item is not found under this one");
        assertThrows(NotFoundException.class, () -> f.snapshots.get(outsider, t.dfid(), latest.snapshotId()));
    }
}
