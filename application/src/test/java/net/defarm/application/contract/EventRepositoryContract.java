package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.events.EventRepository;
import net.defarm.application.events.EventRepository.EventQuery;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventHash;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.StaleUpdateException;
import org.junit.jupiter.api.Test;

/** EventRepository contract (storage contract cases EVT-01..05, docs/storage-modes.md). */
public abstract class EventRepositoryContract extends StoreContract {

    private EventRepository events() {
        return store.events();
    }

    private EventRepository.InsertOutcome insert(Event e) {
        return store.unitOfWork().inTransaction(() -> events().insertIfAbsent(e));
    }

    private static Event event(String dfid, String source, EventVisibility visibility, JsonObject metadata,
                               Instant at) {
        return Event.record(UUID.randomUUID(), dfid, EventType.ENRICHED, source, visibility, metadata, at);
    }

    @Test
    void manyEventsAreStoredAtOnceSkippingKnownContent() {
        Instant at = micros("2025-05-05T05:05:05.123456Z");
        Event local = Event.recordLocal(UUID.randomUUID(), UUID.randomUUID(), EventType.UPDATED, "u1",
                EventVisibility.PRIVATE, JsonObject.of(Map.of("b", JsonValue.of(2))), at);
        Event pub = event("DFID-BULK", "u1", EventVisibility.PUBLIC, JsonObject.of("n", JsonValue.of(1)), at);
        insert(pub);
        Event twin = new Event(UUID.randomUUID(), pub.dfid(), pub.type(), pub.timestamp(), pub.source(),
                pub.metadata(), pub.encrypted(), pub.visibility(), pub.contentHash(), null, false, null, 0);
        int stored = store.unitOfWork().inTransaction(() -> events().insertAll(List.of(local, twin)));
        assertEquals(1, stored, "the twin of a stored event is skipped");
        assertEquals(local.atVersion(1), events().findById(local.eventId()).orElseThrow());
        assertTrue(events().findById(twin.eventId()).isEmpty());
    }

    @Test
    void roundTripsEveryFieldAndTheHashSurvivesTheStore() {
        Instant at = micros("2025-05-05T05:05:05.123456Z");
        Event local = Event.recordLocal(UUID.randomUUID(), UUID.randomUUID(), EventType.UPDATED, "u1",
                EventVisibility.PRIVATE, JsonObject.of(Map.of("b", JsonValue.of(2), "a", JsonValue.of("é"))), at);
        Event stored = insert(local).event();
        assertEquals(local.atVersion(1), stored);
        Event read = events().findById(local.eventId()).orElseThrow();
        assertEquals(stored, read);
        assertEquals(EventHash.of(read.dfid(), read.type(), read.source(), read.metadata()), read.contentHash(),
                "the hash recomputed after reading equals the stored one");
        assertEquals(read, events().findLocal(local.localEventId()).orElseThrow());
        UUID circuit = UUID.randomUUID();
        Event pushed = store.unitOfWork().inTransaction(() -> events().update(read.pushedTo("DFID-9", circuit)));
        assertEquals(pushed, events().findById(local.eventId()).orElseThrow());
        assertTrue(events().findLocal(local.localEventId()).isEmpty());
        assertThrows(StaleUpdateException.class, () -> store.unitOfWork().inTransaction(() ->
                events().update(read.withMetadata(JsonObject.of("x", JsonValue.of(1))))));
    }

    @Test
    void theSameContentIsStoredOnceEvenUnderConcurrency() throws Exception {
        Instant at = micros("2025-05-05T00:00:00Z");
        Set<UUID> stored = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    stored.add(insert(event("DFID-X", "u", EventVisibility.PUBLIC, JsonObject.EMPTY, at)).event()
                            .eventId());
                } catch (ConflictException inFlight) {
                    // Only the memory store can say "being written right now"; a retry returns the stored one.
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, stored.size());
        EventRepository.InsertOutcome again = insert(event("DFID-X", "u", EventVisibility.PUBLIC, JsonObject.EMPTY,
                at.plusSeconds(9)));
        assertFalse(again.inserted());
        assertEquals(stored.iterator().next(), again.event().eventId());
        assertEquals(1, events().find(EventQuery.visibleTo("u", Set.of()).forItem("DFID-X"), null, 100).size());
    }

    @Test
    void listsAreChronologicalWithIdTieBreakAndInclusiveRanges() {
        Instant t0 = micros("2025-01-01T00:00:00.000001Z");
        List<Event> written = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            written.add(insert(event("DFID-T", "u", EventVisibility.PUBLIC, JsonObject.of("n", JsonValue.of(i)),
                    t0.plusSeconds(i / 2))).event());
        }
        List<Event> expected = written.stream().sorted((a, b) -> EventRepository.EventKey.of(a)
                .compareTo(EventRepository.EventKey.of(b))).toList();
        EventQuery q = EventQuery.visibleTo("u", Set.of()).forItem("DFID-T");
        assertEquals(expected, events().find(q, null, 100));
        List<Event> page2 = events().find(q, EventRepository.EventKey.of(expected.get(1)), 2);
        assertEquals(expected.subList(2, 4), page2);
        assertEquals(expected.subList(0, 4), events().find(q.between(t0, t0.plusSeconds(1)), null, 100),
                "both ends inclusive");
    }

    @Test
    void readersSeeOnlyWhatVisibilityAllows() {
        Instant at = micros("2025-01-01T00:00:00Z");
        UUID circuit = UUID.randomUUID();
        Event pub = insert(event("D", "alice", EventVisibility.PUBLIC, JsonObject.EMPTY, at)).event();
        Event priv = insert(event("D", "alice", EventVisibility.PRIVATE, JsonObject.of("p", JsonValue.of(1)),
                at.plusSeconds(1))).event();
        Event member = insert(event("D", "alice", EventVisibility.CIRCUIT_ONLY,
                JsonObject.of("circuit_id", JsonValue.of(circuit.toString())), at.plusSeconds(2))).event();
        Event bobs = insert(event("D", "bob", EventVisibility.PRIVATE, JsonObject.EMPTY, at.plusSeconds(3))).event();
        assertEquals(List.of(pub, bobs), events().find(EventQuery.visibleTo("bob", Set.of()), null, 100));
        assertEquals(List.of(pub, member, bobs), events().find(EventQuery.visibleTo("bob", Set.of(circuit)), null,
                100));
        assertEquals(List.of(pub, priv, member), events().find(EventQuery.visibleTo("alice", Set.of()), null, 100));
        assertEquals(List.of(priv), events().find(EventQuery.visibleTo("alice", Set.of()).ownedOnly()
                .withVisibility(EventVisibility.PRIVATE), null, 100));
        assertEquals(List.of(pub), events().find(EventQuery.visibleTo("carol", Set.of())
                .withVisibility(EventVisibility.PUBLIC).ofType(EventType.ENRICHED), null, 100));
    }

    @Test
    void aChangeThatWouldDuplicateAnotherEventIsRefused() {
        Instant at = micros("2025-01-01T00:00:00Z");
        Event plain = insert(event("D", "u", EventVisibility.PUBLIC, JsonObject.EMPTY, at)).event();
        insert(event("D", "u", EventVisibility.PUBLIC, JsonObject.of("k", JsonValue.of("v")), at));
        assertThrows(ConflictException.class, () -> store.unitOfWork().inTransaction(() ->
                events().update(plain.withMetadata(JsonObject.of("k", JsonValue.of("v"))))));
        assertEquals(plain, events().findById(plain.eventId()).orElseThrow());
    }
}
