package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.events.EventRepository;
import net.defarm.domain.events.Event;

/**
 * Events: read from memory; memory decides deduplication, and only an event it stored is written to the durable
 * store, in the same unit of work.
 */
final class WriteThroughEventRepository implements EventRepository {

    private final Mirror<EventRepository> stores;

    WriteThroughEventRepository(Mirror<EventRepository> stores) {
        this.stores = stores;
    }

    @Override
    public InsertOutcome insertIfAbsent(Event event) {
        return stores.both().inTransaction(() -> {
            InsertOutcome outcome = stores.memory().insertIfAbsent(event);
            if (outcome.inserted()) {
                stores.durable().insertIfAbsent(event);
            }
            return outcome;
        });
    }

    @Override
    public int insertAll(List<Event> events) {
        return stores.memoryDecides(port -> port.insertAll(events));
    }

    @Override
    public Optional<Event> findById(UUID eventId) {
        return stores.memory().findById(eventId);
    }

    @Override
    public Optional<Event> findByContentHash(String contentHash) {
        return stores.memory().findByContentHash(contentHash);
    }

    @Override
    public Optional<Event> findLocal(UUID localEventId) {
        return stores.memory().findLocal(localEventId);
    }

    @Override
    public Event update(Event event) {
        return stores.durableFirst(port -> port.update(event));
    }

    @Override
    public List<Event> find(EventQuery query, EventKey after, int limit) {
        return stores.memory().find(query, after, limit);
    }
}
