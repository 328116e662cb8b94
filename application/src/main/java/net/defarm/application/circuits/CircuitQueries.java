package net.defarm.application.circuits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.Activity;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitItem;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.circuits.CircuitStatus;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.events.Event;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Reading circuits: a member sees the whole circuit, its items, operations and activity; anyone may see a publicly
 * accessible circuit and its public page.
 */
@UseCase
public final class CircuitQueries {

    /** Published items shown with their public events on the public page, and events shown per item. */
    public static final int PUBLIC_PAGE_ITEMS = 100;
    public static final int PUBLIC_PAGE_EVENTS = 100;

    public record CircuitItemView(CircuitItem item, List<Event> events) {
    }

    public record PendingPush(CircuitOperation operation, Item preview) {
    }

    public record PublishedItem(String dfid, List<Event> events) {
    }

    /** {@code publishedItems}: the listed items that really are published (see {@link CircuitPublication}). */
    public record PublicInfo(Circuit circuit, long itemsCount, List<String> publishedItems,
                             List<PublishedItem> publishedWithEvents) {
    }

    private final CircuitStore store;
    private final CircuitPublication publication;
    private final CircuitItemRepository circuitItems;
    private final CircuitOperationRepository operations;
    private final CircuitActivityRepository activities;
    private final ItemRepository items;
    private final CircuitItemEvents events;

    CircuitQueries(CircuitStore store, CircuitItemRepository circuitItems, CircuitOperationRepository operations,
                   CircuitActivityRepository activities, ItemRepository items, CircuitItemEvents events,
                   CircuitPublication publication) {
        this.publication = publication;
        this.store = store;
        this.circuitItems = circuitItems;
        this.operations = operations;
        this.activities = activities;
        this.items = items;
        this.events = events;
    }

    /** A circuit the caller may look at; a non-member of a public circuit gets its outsider's view. */
    public Circuit get(Actor actor, UUID circuitId) {
        return store.visible(actor, circuitId).seenBy(actor == null ? null : actor.userId());
    }

    /**
     * The caller's circuits, plus public ones unless {@code includePublic} is false; oldest first. Public circuits
     * the caller does not belong to come in their outsider's view.
     */
    public Page<Circuit> list(Actor actor, boolean includePublic, CircuitStatus status, PageRequest page) {
        CircuitRepository.CircuitKey after = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode("circuits", page.cursor(), 2);
            after = new CircuitRepository.CircuitKey(Cursor.instantFromMicros(parts.get(0)), uuid(parts.get(1)));
        }
        return Page.of(store.circuits.find(new CircuitRepository.CircuitQuery(actor.userId(), includePublic, status),
                after, page.limit() + 1), page.limit(), c -> Cursor.encode("circuits", Cursor.micros(c.createdAt()),
                c.circuitId().toString())).map(c -> c.seenBy(actor.userId()));
    }

    /** The circuits {@code memberId} belongs to: only one's own list, another user's circuits are not disclosed. */
    public Page<Circuit> listOfMember(Actor actor, String memberId, PageRequest page) {
        if (!actor.userId().equals(memberId)) {
            throw new PermissionDeniedException("Permission denied: you can only list your own circuits");
        }
        return list(actor, false, null, page);
    }

    /** A circuit with its custom roles, for its members only. */
    public Circuit roles(Actor actor, UUID circuitId) {
        return store.ofMember(actor, circuitId);
    }

    /** The circuit's items (members only), each with the events the caller may see when asked. */
    public Page<CircuitItemView> items(Actor actor, UUID circuitId, boolean withEvents, PageRequest page) {
        store.ofMember(actor, circuitId);
        CircuitItemRepository.ItemKey after = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode("circuit-items", page.cursor(), 2);
            after = new CircuitItemRepository.ItemKey(Cursor.instantFromMicros(parts.get(0)), parts.get(1));
        }
        Page<CircuitItem> found = Page.of(circuitItems.find(circuitId, after, page.limit() + 1), page.limit(),
                i -> Cursor.encode("circuit-items", Cursor.micros(i.pushedAt()), i.dfid()));
        return found.map(i -> new CircuitItemView(i, withEvents ? events.visibleTo(actor, i.dfid(),
                PageRequest.MAX_LIMIT) : List.of()));
    }

    /**
     * The events of the circuit's items that the caller may see (members only), item by item in the order they
     * entered the circuit, each item's events oldest first.
     */
    public Page<Event> itemEvents(Actor actor, UUID circuitId, PageRequest page) {
        store.ofMember(actor, circuitId);
        return new CircuitEventPages(circuitItems, events).page(actor, circuitId, page);
    }

    public Page<CircuitOperation> operations(Actor actor, UUID circuitId, CircuitOperation.Status status,
                                             PageRequest page) {
        store.ofMember(actor, circuitId);
        CircuitOperationRepository.OperationKey after = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode("operations", page.cursor(), 2);
            after = new CircuitOperationRepository.OperationKey(Cursor.instantFromMicros(parts.get(0)),
                    uuid(parts.get(1)));
        }
        return Page.of(operations.find(circuitId, status, after, page.limit() + 1), page.limit(),
                o -> Cursor.encode("operations", Cursor.micros(o.timestamp()), o.operationId().toString()));
    }

    /** Pending pushes with a preview of each item, for those who decide them. */
    public Page<PendingPush> pendingPushes(Actor actor, UUID circuitId, PageRequest page) {
        Circuit circuit = store.ofMember(actor, circuitId);
        circuit.require(actor.userId(), Permission.MANAGE_MEMBERS, "approve operations");
        Page<CircuitOperation> pending = operations(actor, circuitId, CircuitOperation.Status.PENDING, page);
        List<PendingPush> pushes = new ArrayList<>();
        for (CircuitOperation op : pending.items()) {
            if (op.type() == CircuitOperation.Type.PUSH) {
                pushes.add(new PendingPush(op, items.findByDfid(op.dfid()).orElse(null)));
            }
        }
        return new Page<>(pushes, pending.nextCursor());
    }

    public Page<Activity> activities(Actor actor, UUID circuitId, PageRequest page) {
        store.ofMember(actor, circuitId);
        CircuitActivityRepository.ActivityKey after = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode("activities", page.cursor(), 2);
            after = new CircuitActivityRepository.ActivityKey(Cursor.instantFromMicros(parts.get(0)), parts.get(1));
        }
        return Page.of(activities.find(circuitId, after, page.limit() + 1), page.limit(),
                a -> Cursor.encode("activities", Cursor.micros(a.timestamp()), a.activityId()));
    }

    /** Circuits whose feeds {@link #memberActivities} merges at most (a member of more sees the oldest ones). */
    static final int MAX_FEED_CIRCUITS = 200;

    /**
     * The activities of every circuit the caller belongs to, oldest first in one keyset order across circuits;
     * {@code userId} not null: only that user's (the caller's own, or 403). One bounded read across them.
     */
    public Page<Activity> memberActivities(Actor actor, String userId, PageRequest page) {
        if (userId != null && !userId.equals(actor.userId())) {
            throw new net.defarm.domain.shared.PermissionDeniedException("NOT_YOUR_ACTIVITIES",
                    "Permission denied: a user reads their own activities (a circuit's members read its feed)");
        }
        CircuitActivityRepository.ActivityKey after = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode("member-activities", page.cursor(), 2);
            after = new CircuitActivityRepository.ActivityKey(Cursor.instantFromMicros(parts.get(0)), parts.get(1));
        }
        List<UUID> circuits = store.circuits.find(new CircuitRepository.CircuitQuery(actor.userId(), false, null),
                null, MAX_FEED_CIRCUITS).stream().map(Circuit::circuitId).toList();
        List<Activity> rows = activities.findAcross(circuits, userId, after, page.limit() + 1);
        return Page.of(rows, page.limit(),
                a -> Cursor.encode("member-activities", Cursor.micros(a.timestamp()), a.activityId()));
    }

    /**
     * The public page of a publicly accessible circuit, for anyone: its published items, the first of them with
     * their public events. A private or unknown circuit is 404.
     */
    public PublicInfo publicInfo(UUID circuitId) {
        Circuit circuit = publicCircuit(circuitId);
        List<PublishedItem> published = new ArrayList<>();
        List<String> dfids = publication.publishedItems(circuit);
        for (String dfid : dfids.subList(0, Math.min(dfids.size(), PUBLIC_PAGE_ITEMS))) {
            published.add(new PublishedItem(dfid, events.published(dfid, PUBLIC_PAGE_EVENTS)));
        }
        return new PublicInfo(circuit, circuitItems.count(circuitId), dfids, published);
    }

    /** A circuit anyone may look at right now; a private or unknown one is 404. */
    public Circuit publicCircuit(UUID circuitId) {
        Optional<Circuit> found = store.circuits.findById(circuitId);
        if (found.isEmpty() || !found.get().isPubliclyAccessible(store.clock.now())) {
            throw new NotFoundException("CIRCUIT_NOT_PUBLIC", "Circuit not found or not public");
        }
        return found.get();
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("INVALID_CURSOR", "The cursor is not valid for this list");
        }
    }
}
