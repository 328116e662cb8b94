package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.events.EventRepository;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.events.Event;

/**
 * Events: read from memory; memory decides deduplication, and only an event it stored is written to the durable
 * store, in the same unit of work.
 */
final class WriteThroughEventRepository implements EventRepository {

    private final EventRepository memory;
    private final EventRepository durable;
    private final UnitOfWork both;

    WriteThroughEventRepository(EventRepository memory, EventRepository durable, UnitOfWork both) {
        this.memory = memory;
        this.durable = durable;
        this.both = both;
    }

    @Override
    public InsertOutcome insertIfAbsent(Event event) {
        return both.inTransaction(() -> {
            InsertOutcome outcome = memory.insertIfAbsent(event);
            if (outcome.inserted()) {
                durable.insertIfAbsent(event);
            }
            return outcome;
        });
    }

    @Override
    public int insertAll(List<Event> events) {
        return both.inTransaction(() -> {
            int stored = memory.insertAll(events);
            durable.insertAll(events);
            return stored;
        });
    }

    @Override
    public Optional<Event> findById(UUID eventId) {
        return memory.findById(eventId);
    }

    @Override
    public Optional<Event> findByContentHash(String contentHash) {
        return memory.findByContentHash(contentHash);
    }

    @Override
    public Optional<Event> findLocal(UUID localEventId) {
        return memory.findLocal(localEventId);
    }

    @Override
    public Event update(Event event) {
        return both.inTransaction(() -> {
            // PostgreSQL first: a concurrent update waits on the row lock instead of building on a memory change
            // that may yet be undone.
            durable.update(event);
            return memory.update(event);
        });
    }

    @Override
    public List<Event> find(EventQuery query, EventKey after, int limit) {
        return memory.find(query, after, limit);
    }
}
