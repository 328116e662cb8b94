package net.defarm.adapters.memory;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import net.defarm.application.events.EventRepository;
import net.defarm.domain.events.Event;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;

/**
 * Events held in memory. The content-hash index is claimed with {@code putIfAbsent}, so concurrent identical
 * events store exactly one. Timelines are kept per dfid and globally, in (timestamp, eventId) order.
 */
public final class InMemoryEventRepository implements EventRepository {

    private final Map<UUID, Event> events = new ConcurrentHashMap<>();
    private final Map<String, UUID> byHash = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> byLocalId = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<EventKey>> byDfid = new ConcurrentHashMap<>();
    private final NavigableSet<EventKey> chronological = new ConcurrentSkipListSet<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryEventRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public InsertOutcome insertIfAbsent(Event event) {
        return restore(event.atVersion(1));
    }

    /** Stores the event exactly as given, stored version included (loading a memory store from a database). */
    InsertOutcome restore(Event event) {
        UUID existing = byHash.putIfAbsent(event.contentHash(), event.eventId());
        if (existing != null) {
            Event original = events.get(existing);
            if (original != null) {
                return new InsertOutcome(original, false);
            }
            // The claim belongs to a write still in flight in another thread; it is the same fact either way.
            throw new ConflictException("DUPLICATE_EVENT", "An identical event is being recorded right now");
        }
        Event stored = event;
        events.put(stored.eventId(), stored);
        index(null, stored);
        uow.onRollback(() -> {
            if (events.remove(stored.eventId(), stored)) {
                byHash.remove(stored.contentHash(), stored.eventId());
                index(stored, null);
            }
        });
        return new InsertOutcome(stored, true);
    }

    @Override
    public int insertAll(List<Event> list) {
        int stored = 0;
        for (Event e : list) {
            if (insertIfAbsent(e).inserted()) {
                stored++;
            }
        }
        return stored;
    }

    @Override
    public Optional<Event> findById(UUID eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    @Override
    public Optional<Event> findByContentHash(String contentHash) {
        return Optional.ofNullable(byHash.get(contentHash)).map(events::get);
    }

    @Override
    public Optional<Event> findLocal(UUID localEventId) {
        return Optional.ofNullable(byLocalId.get(localEventId)).map(events::get).filter(Event::local);
    }

    @Override
    public Event update(Event event) {
        Event current = events.get(event.eventId());
        if (current == null) {
            throw new NotFoundException("EVENT_NOT_FOUND", "Event not found");
        }
        boolean hashChanges = !current.contentHash().equals(event.contentHash());
        if (hashChanges && byHash.putIfAbsent(event.contentHash(), event.eventId()) != null) {
            throw new ConflictException("DUPLICATE_EVENT", "Another event already records exactly this content");
        }
        Event[] previous = new Event[1];
        Event stored;
        try {
            stored = events.compute(event.eventId(), (id, cur) -> {
                if (cur == null) {
                    throw new NotFoundException("EVENT_NOT_FOUND", "Event not found");
                }
                if (cur.version() != event.version()) {
                    throw new StaleUpdateException("Event " + id);
                }
                previous[0] = cur;
                return event.atVersion(cur.version() + 1);
            });
        } catch (RuntimeException e) {
            if (hashChanges) {
                byHash.remove(event.contentHash(), event.eventId());
            }
            throw e;
        }
        if (hashChanges) {
            byHash.remove(previous[0].contentHash(), event.eventId());
        }
        index(previous[0], stored);
        uow.onRollback(() -> {
            if (events.replace(stored.eventId(), stored, previous[0])) {
                if (hashChanges) {
                    byHash.remove(stored.contentHash(), stored.eventId());
                    byHash.put(previous[0].contentHash(), stored.eventId());
                }
                index(stored, previous[0]);
            }
        });
        return stored;
    }

    @Override
    public List<Event> find(EventQuery query, EventKey after, int limit) {
        NavigableSet<EventKey> keys = query.dfid() != null ? byDfid.get(query.dfid()) : chronological;
        return KeysetPage.of(keys, after, key -> events.get(key.eventId()), query::matches, limit);
    }

    private void index(Event before, Event after) {
        if (before != null) {
            EventKey key = EventKey.of(before);
            NavigableSet<EventKey> timeline = byDfid.get(before.dfid());
            if (timeline != null) {
                timeline.remove(key);
            }
            chronological.remove(key);
            if (before.localEventId() != null) {
                byLocalId.remove(before.localEventId(), before.eventId());
            }
        }
        if (after != null) {
            EventKey key = EventKey.of(after);
            byDfid.computeIfAbsent(after.dfid(), k -> new ConcurrentSkipListSet<>()).add(key);
            chronological.add(key);
            if (after.localEventId() != null) {
                byLocalId.put(after.localEventId(), after.eventId());
            }
        }
    }

    /** Everything stored, for export (a live view; the caller copies what it keeps). */
    java.util.Collection<Event> all() {
        return events.values();
    }
}
