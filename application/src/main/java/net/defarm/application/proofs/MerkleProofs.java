package net.defarm.application.proofs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.circuits.CircuitItemRepository;
import net.defarm.application.circuits.CircuitQueries;
import net.defarm.application.events.EventRepository;
import net.defarm.application.items.ItemAccess;
import net.defarm.application.items.PublishedItems;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitItem;
import net.defarm.domain.events.Event;
import net.defarm.domain.integrity.MerkleProof;
import net.defarm.domain.integrity.MerkleTree;
import net.defarm.domain.integrity.StateTrees;
import net.defarm.domain.integrity.StateTrees.ItemRoot;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;

/**
 * Merkle roots and inclusion proofs over what is stored (docs/domain-rules.md): an item's tree over all its events,
 * a circuit's tree over the roots of its items. A signed-in caller proves what they may read; an anonymous caller
 * (actor {@code null}) only what a publicly accessible circuit publishes. Trees are computed on demand, never cached,
 * so a root always reflects the committed state at the time of the request.
 */
@UseCase
public final class MerkleProofs {

    /** Largest trees computed in one request; beyond them the request is refused rather than answered partially. */
    public static final int MAX_ITEM_EVENTS = 100_000;
    public static final int MAX_CIRCUIT_ITEMS = 10_000;
    private static final int BATCH = 1_000;

    public record ItemTree(String dfid, MerkleTree tree, Instant computedAt) {
        public String root() {
            return tree.root().orElseThrow();
        }
    }

    /** A circuit's root; {@code items} lists what the caller may see (all for members, published ones for anyone). */
    public record CircuitTree(UUID circuitId, MerkleTree tree, List<ItemRoot> items, Instant computedAt) {
        public String root() {
            return tree.root().orElseThrow();
        }
    }

    public record SyncReport(boolean inSync, String localRoot, String remoteRoot, List<String> differingItems,
                             List<String> localOnly, List<String> remoteOnly, List<String> modified) {
    }

    private final ItemAccess items;
    private final PublishedItems published;
    private final EventRepository events;
    private final CircuitQueries circuits;
    private final CircuitItemRepository circuitItems;
    private final Clock clock;

    public MerkleProofs(ItemAccess items, PublishedItems published, EventRepository events, CircuitQueries circuits,
                        CircuitItemRepository circuitItems, Clock clock) {
        this.items = items;
        this.published = published;
        this.events = events;
        this.circuits = circuits;
        this.circuitItems = circuitItems;
        this.clock = clock;
    }

    public ItemTree itemRoot(Actor actor, String dfid) {
        requireItem(actor, dfid);
        MerkleTree tree = StateTrees.itemTree(allEvents(dfid));
        if (tree.isEmpty()) {
            throw new NotFoundException("NO_EVENTS", "No events found for this item");
        }
        return new ItemTree(dfid, tree, clock.now());
    }

    public MerkleProof eventProof(Actor actor, String dfid, UUID eventId) {
        return itemRoot(actor, dfid).tree().proofFor(eventId.toString()).orElseThrow(() ->
                new NotFoundException("EVENT_NOT_IN_ITEM", "Event not found in this item"));
    }

    public CircuitTree circuitRoot(Actor actor, UUID circuitId) {
        Circuit circuit = actor == null ? circuits.publicCircuit(circuitId) : circuits.get(actor, circuitId);
        List<ItemRoot> roots = new ArrayList<>();
        CircuitItemRepository.ItemKey after = null;
        int seen = 0;
        while (true) {
            List<CircuitItem> batch = circuitItems.find(circuitId, after, BATCH);
            for (CircuitItem ci : batch) {
                List<Event> itemEvents = allEvents(ci.dfid());
                if (!itemEvents.isEmpty()) {
                    roots.add(new ItemRoot(ci.dfid(), StateTrees.itemTree(itemEvents).root().orElseThrow(),
                            itemEvents.size()));
                }
            }
            seen += batch.size();
            if (seen > MAX_CIRCUIT_ITEMS) {
                throw tooLarge("circuit", MAX_CIRCUIT_ITEMS + " items");
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = CircuitItemRepository.ItemKey.of(batch.getLast());
        }
        MerkleTree tree = StateTrees.circuitTree(roots);
        if (tree.isEmpty()) {
            throw new NotFoundException("NO_ITEMS_WITH_EVENTS", "No items with events found in this circuit");
        }
        boolean member = actor != null && circuit.isMember(actor.userId());
        List<ItemRoot> shown = member ? roots : roots.stream().filter(r -> published.isPublishedIn(circuit, r.dfid())).toList();
        return new CircuitTree(circuitId, tree, shown, clock.now());
    }

    public MerkleProof itemProof(Actor actor, UUID circuitId, String dfid) {
        CircuitTree tree = circuitRoot(actor, circuitId);
        boolean shown = tree.items().stream().anyMatch(r -> r.dfid().equals(dfid));
        return (shown ? tree.tree().proofFor(dfid) : java.util.Optional.<MerkleProof>empty()).orElseThrow(() ->
                new NotFoundException("ITEM_NOT_IN_CIRCUIT", "Item not found in this circuit"));
    }

    /** True when folding the proof's path gives {@code expectedRoot}; the proof's own root field is not trusted. */
    public boolean verify(MerkleProof proof, String expectedRoot) {
        return proof.verify(expectedRoot);
    }

    /**
     * Compares a remote copy of a circuit with this one. The roots compared are the two supplied (the caller states
     * what it believes the local root is); the per-item lists come from this circuit's current tree.
     */
    public SyncReport compare(Actor actor, UUID circuitId, String localRoot, String remoteRoot,
                              List<ItemRoot> remoteItems) {
        CircuitTree local = circuitRoot(actor, circuitId);
        if (localRoot.equals(remoteRoot)) {
            return new SyncReport(true, localRoot, remoteRoot, List.of(), List.of(), List.of(), List.of());
        }
        List<String> localOnly = new ArrayList<>();
        List<String> remoteOnly = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        if (remoteItems != null) {
            Map<String, String> remote = new HashMap<>();
            remoteItems.forEach(r -> remote.put(r.dfid(), r.root()));
            Set<String> localDfids = new LinkedHashSet<>();
            for (ItemRoot r : local.items()) {
                localDfids.add(r.dfid());
                String theirs = remote.get(r.dfid());
                if (theirs == null) {
                    localOnly.add(r.dfid());
                } else if (!theirs.equals(r.root())) {
                    modified.add(r.dfid());
                }
            }
            remoteItems.stream().map(ItemRoot::dfid).filter(d -> !localDfids.contains(d)).distinct()
                    .forEach(remoteOnly::add);
        }
        List<String> differing = new ArrayList<>(localOnly);
        differing.addAll(remoteOnly);
        differing.addAll(modified);
        return new SyncReport(false, localRoot, remoteRoot, differing, localOnly, remoteOnly, modified);
    }

    private void requireItem(Actor actor, String dfid) {
        if (actor != null) {
            items.readable(actor, dfid);
        } else if (!published.isPublished(dfid)) {
            throw new NotFoundException("ITEM_NOT_PUBLIC", "Item not found in any public circuit");
        }
    }

    private List<Event> allEvents(String dfid) {
        EventRepository.EventQuery query = EventRepository.EventQuery.allStored().forItem(dfid);
        List<Event> all = new ArrayList<>();
        EventRepository.EventKey after = null;
        while (true) {
            List<Event> batch = events.find(query, after, BATCH);
            all.addAll(batch);
            if (all.size() > MAX_ITEM_EVENTS) {
                throw tooLarge("item", MAX_ITEM_EVENTS + " events");
            }
            if (batch.size() < BATCH) {
                return all;
            }
            after = EventRepository.EventKey.of(batch.getLast());
        }
    }

    private static InvalidInputException tooLarge(String what, String limit) {
        return new InvalidInputException("TREE_TOO_LARGE", "The " + what + " is larger than the " + limit
                + " a proof is computed over in one request");
    }
}
