package net.defarm.application.events;

import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.events.Event;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.PermissionDeniedException;

/** Adds (overwrites) metadata entries on an event the caller created; its content hash follows the metadata. */
@UseCase
public final class AddEventMetadata {

    private final EventQueries queries;
    private final EventRepository events;
    private final UnitOfWork uow;

    public AddEventMetadata(EventQueries queries, EventRepository events, UnitOfWork uow) {
        this.queries = queries;
        this.events = events;
        this.uow = uow;
    }

    public Event add(Actor actor, UUID eventId, JsonObject metadata) {
        return uow.inTransaction(() -> {
            Event event = queries.get(actor, eventId);
            if (!event.source().equals(actor.userId())) {
                throw new PermissionDeniedException("Only the creator of an event can change its metadata");
            }
            return events.update(event.withMetadata(metadata));
        });
    }
}
