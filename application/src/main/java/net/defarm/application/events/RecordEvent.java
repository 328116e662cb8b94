package net.defarm.application.events;

import java.util.Optional;
import java.util.UUID;
import net.defarm.application.integrity.ItemSnapshots;
import net.defarm.application.items.ItemAccess;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.JsonObject;

/**
 * Records events: on an item the caller may change, or locally in the workspace before the item has a DFID.
 * The same event (item, type, creator, metadata) recorded twice is stored once; the second call gets the first.
 */
@UseCase
public final class RecordEvent {

    /** The event as stored, and whether this call was a duplicate of an earlier one. */
    public record Recording(Event event, boolean deduplicated) {
        public UUID originalEventId() {
            return deduplicated ? event.eventId() : null;
        }
    }

    private final ItemAccess items;
    private final EventRepository events;
    private final ItemSnapshots snapshots;
    private final UnitOfWork uow;
    private final Clock clock;

    public RecordEvent(ItemAccess items, EventRepository events, ItemSnapshots snapshots, UnitOfWork uow,
                       Clock clock) {
        this.items = items;
        this.events = events;
        this.snapshots = snapshots;
        this.uow = uow;
        this.clock = clock;
    }

    public Recording record(Actor actor, String dfid, EventType type, EventVisibility visibility,
                            JsonObject metadata) {
        return uow.inTransaction(() -> {
            Item item = items.writable(actor, dfid);
            Event event = Event.record(UUID.randomUUID(), dfid, type, actor.userId(), visibility, metadata,
                    clock.now());
            EventRepository.InsertOutcome outcome = events.insertIfAbsent(event);
            if (outcome.inserted()) {
                snapshots.afterEvent(outcome.event(), Optional.of(item));
            }
            return new Recording(outcome.event(), !outcome.inserted());
        });
    }

    public Event recordLocal(Actor actor, EventType type, EventVisibility visibility, JsonObject metadata) {
        Event event = Event.recordLocal(UUID.randomUUID(), UUID.randomUUID(), type, actor.userId(), visibility,
                metadata, clock.now());
        return uow.inTransaction(() -> {
            EventRepository.InsertOutcome outcome = events.insertIfAbsent(event);
            if (!outcome.inserted()) {
                // Unreachable in practice (the hash covers a fresh local id), but never report a write that failed.
                throw new ConflictException("DUPLICATE_EVENT", "An identical local event already exists");
            }
            return outcome.event();
        });
    }
}
