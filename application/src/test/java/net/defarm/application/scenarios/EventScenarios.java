package net.defarm.application.scenarios;

import static net.defarm.application.testing.Fixture.lote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.events.EventFilter;
import net.defarm.application.events.EventQueries;
import net.defarm.application.events.RecordEvent;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventHash;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events, given/when/then cases 25-28 (docs/domain-rules.md), plus visibility and paging. */
public abstract class EventScenarios extends StoreScenarios {

    private Actor alice;
    private Actor bob;
    private Item item;

    @BeforeEach
    void setUp() {
        alice = f.newUser("alice");
        bob = f.newUser("bob");
        item = f.createItem(alice, null, lote("E"));
    }

    private RecordEvent.Recording record(EventType type, EventVisibility visibility, JsonObject metadata) {
        return f.events.recordEvent().record(alice, item.dfid(), type, visibility, metadata);
    }

    @Test
    void case25_theSameEventTwiceIsStoredOnce() {
        RecordEvent.Recording first = record(EventType.ENRICHED, EventVisibility.PUBLIC,
                JsonObject.of("vaccine", JsonValue.of("aftosa")));
        RecordEvent.Recording second = record(EventType.ENRICHED, EventVisibility.PUBLIC,
                JsonObject.of("vaccine", JsonValue.of("aftosa")));
        assertFalse(first.deduplicated());
        assertTrue(second.deduplicated());
        assertEquals(first.event().eventId(), second.originalEventId());
        assertEquals(first.event().contentHash(), second.event().contentHash());
        assertEquals(1, timeline(alice).size());
    }

    @Test
    void case26_contentHashIgnoresMetadataKeyOrder() {
        Map<String, JsonValue> ab = new LinkedHashMap<>();
        ab.put("a", JsonValue.of("x"));
        ab.put("b", JsonValue.of(1));
        Event e = record(EventType.CREATED, EventVisibility.PUBLIC, JsonObject.of(ab)).event();
        assertEquals(EventHash.of(item.dfid(), EventType.CREATED, alice.userId(), JsonObject.of(ab)), e.contentHash());
        Map<String, JsonValue> ba = new LinkedHashMap<>();
        ba.put("b", JsonValue.of(1));
        ba.put("a", JsonValue.of("x"));
        assertTrue(record(EventType.CREATED, EventVisibility.PUBLIC, JsonObject.of(ba)).deduplicated());
    }

    @Test
    void case27_privateEventsAreEncryptedAndHiddenFromOthers() {
        Event e = record(EventType.UPDATED, EventVisibility.PRIVATE, JsonObject.EMPTY).event();
        assertTrue(e.encrypted());
        assertEquals(e, f.events.queries().get(alice, e.eventId()));
        assertThrows(NotFoundException.class, () -> f.events.queries().get(bob, e.eventId()));
    }

    @Test
    void case28_localEventsLiveUnderATemporaryDfidAndAreReadableByTheirCreator() {
        Event local = f.events.recordEvent().recordLocal(alice, EventType.UPDATED, EventVisibility.PUBLIC,
                JsonObject.of("weight", JsonValue.of("470kg")));
        assertTrue(local.local());
        assertEquals("LOCAL-EVENT-" + local.localEventId(), local.dfid());
        assertEquals(local, f.events.queries().getLocal(alice, local.localEventId()));
        assertThrows(NotFoundException.class, () -> f.events.queries().getLocal(bob, local.localEventId()));
        Event pushed = f.storage.unitOfWork().inTransaction(() ->
                f.storage.events().update(local.pushedTo(item.dfid(), UUID.randomUUID())));
        assertFalse(pushed.local());
        assertTrue(f.storage.events().findLocal(local.localEventId()).isEmpty(), "a pushed event is no longer local");
        assertEquals(List.of(pushed.eventId()), timeline(alice).stream().map(Event::eventId).toList());
    }

    @Test
    void eventsNeedAnItemTheCallerMayChange() {
        assertThrows(NotFoundException.class, () -> f.events.recordEvent().record(bob, item.dfid(),
                EventType.UPDATED, EventVisibility.PUBLIC, JsonObject.EMPTY));
        assertThrows(NotFoundException.class, () -> f.events.recordEvent().record(alice, "DFID-unknown",
                EventType.UPDATED, EventVisibility.PUBLIC, JsonObject.EMPTY));
    }

    @Test
    void publicEventsAreReadableByAnyUserButOnlyTheCreatorChangesThem() {
        Event pub = record(EventType.CREATED, EventVisibility.PUBLIC, JsonObject.EMPTY).event();
        record(EventType.UPDATED, EventVisibility.PRIVATE, JsonObject.EMPTY);
        assertEquals(pub, f.events.queries().get(bob, pub.eventId()));
        Page<Event> seenByBob = f.events.queries().list(bob, EventFilter.any(), PageRequest.firstPage());
        assertEquals(List.of(pub.eventId()), seenByBob.items().stream().map(Event::eventId).toList());
        assertThrows(PermissionDeniedException.class, () -> f.events.addMetadata().add(bob, pub.eventId(),
                JsonObject.of("k", JsonValue.of("v"))));
        Event changed = f.events.addMetadata().add(alice, pub.eventId(), JsonObject.of("k", JsonValue.of("v")));
        assertEquals(EventHash.of(item.dfid(), EventType.CREATED, alice.userId(),
                JsonObject.of("k", JsonValue.of("v"))), changed.contentHash());
        assertEquals(changed, f.events.queries().get(alice, pub.eventId()));
    }

    @Test
    void metadataThatWouldDuplicateAnotherEventIsAConflict() {
        Event plain = record(EventType.UPDATED, EventVisibility.PUBLIC, JsonObject.EMPTY).event();
        record(EventType.UPDATED, EventVisibility.PUBLIC, JsonObject.of("k", JsonValue.of("v")));
        assertThrows(ConflictException.class, () -> f.events.addMetadata().add(alice, plain.eventId(),
                JsonObject.of("k", JsonValue.of("v"))));
        assertEquals(plain, f.events.queries().get(alice, plain.eventId()), "nothing changed");
    }

    @Test
    void noFilterWidensWhatAReaderMaySee() {
        Event pub = record(EventType.CREATED, EventVisibility.PUBLIC, JsonObject.EMPTY).event();
        record(EventType.UPDATED, EventVisibility.PRIVATE, JsonObject.EMPTY);
        assertEquals(List.of(), f.events.queries().list(bob, EventFilter.any().withVisibility(EventVisibility.PRIVATE),
                PageRequest.firstPage()).items(), "alice's private event is not bob's to list");
        assertEquals(List.of(), f.events.queries().list(bob, EventFilter.any().ownedOnly(), PageRequest.firstPage())
                .items());
        assertEquals(List.of(pub), f.events.queries().list(bob, EventFilter.any(), PageRequest.firstPage()).items());
    }

    @Test
    void filtersByTypeVisibilityAndInclusiveTimeRange() {
        Event created = record(EventType.CREATED, EventVisibility.PUBLIC, JsonObject.EMPTY).event();
        f.clock.advance(Duration.ofSeconds(10));
        Event updated = record(EventType.UPDATED, EventVisibility.PRIVATE, JsonObject.EMPTY).event();
        EventFilter mine = EventFilter.any();
        assertEquals(List.of(updated), f.events.queries().list(alice, mine.ofType(EventType.UPDATED),
                PageRequest.firstPage()).items());
        assertEquals(List.of(created), f.events.queries().list(alice, mine.withVisibility(EventVisibility.PUBLIC),
                PageRequest.firstPage()).items());
        assertEquals(List.of(created, updated), f.events.queries().list(alice, mine.between(created.timestamp(),
                updated.timestamp()), PageRequest.firstPage()).items());
        Instant justAfter = created.timestamp().plusNanos(1000);
        assertEquals(List.of(created), f.events.queries().list(alice, mine.between(created.timestamp(), justAfter),
                PageRequest.firstPage()).items());
        assertEquals(List.of(updated), f.events.queries().list(alice, mine.ownedOnly()
                .withVisibility(EventVisibility.PRIVATE), PageRequest.firstPage()).items());
    }

    @Test
    void timelinesPageInChronologicalOrder() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(record(EventType.UPDATED, EventVisibility.PUBLIC, JsonObject.of("n", JsonValue.of(i)))
                    .event().eventId());
        }
        Page<Event> first = f.events.queries().forItem(alice, item.dfid(), new PageRequest(2, null));
        Page<Event> second = f.events.queries().forItem(alice, item.dfid(), new PageRequest(2, first.nextCursor()));
        Page<Event> third = f.events.queries().forItem(alice, item.dfid(), new PageRequest(2, second.nextCursor()));
        List<UUID> seen = new ArrayList<>();
        for (Page<Event> p : List.of(first, second, third)) {
            p.items().forEach(e -> seen.add(e.eventId()));
        }
        assertEquals(ids, seen);
        assertNull(third.nextCursor());
        assertThrows(NotFoundException.class, () -> f.events.queries().forItem(bob, item.dfid(),
                PageRequest.firstPage()));
    }

    @Test
    void concurrentIdenticalEventsStoreOne() throws Exception {
        Set<UUID> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    ids.add(record(EventType.STATUS_CHANGED, EventVisibility.PUBLIC, JsonObject.EMPTY).event()
                            .eventId());
                } catch (ConflictException inFlight) {
                    // The twin was still being written; the caller may retry and will get the stored event.
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, ids.size());
        assertEquals(1, f.events.queries().list(alice, EventFilter.any().ofType(EventType.STATUS_CHANGED),
                PageRequest.firstPage()).items().size());
    }

    private List<Event> timeline(Actor actor) {
        return f.events.queries().forItem(actor, item.dfid(), PageRequest.firstPage()).items();
    }

    /**
     * Every read the events use cases offer decides for an actor; the unchecked per-item reads the circuit use cases
     * need live in a package-private collaborator of theirs, out of reach of adapters.
     */
    @Test
    void everyEventReadDecidesForTheCaller() throws ClassNotFoundException {
        for (java.lang.reflect.Method m : EventQueries.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
                assertEquals(Actor.class, m.getParameterTypes()[0], m.getName());
            }
        }
        Class<?> itemEvents = Class.forName("net.defarm.application.circuits.CircuitItemEvents");
        assertFalse(java.lang.reflect.Modifier.isPublic(itemEvents.getModifiers()));
        assertThrows(NotFoundException.class, () -> f.events.queries().forItem(bob, item.dfid(),
                PageRequest.firstPage()), "bob may not read alice's item timeline");
    }
}
