package net.defarm.application.events;

import net.defarm.application.integrity.ItemSnapshots;
import net.defarm.application.items.ItemAccess;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;

/** The events context's inbound ports, as the HTTP adapter receives them. */
public record EventUseCases(RecordEvent recordEvent, AddEventMetadata addMetadata, EventQueries queries) {

    public static EventUseCases create(ItemAccess items, EventRepository events, MemberCircuits memberCircuits,
                                       ItemSnapshots snapshots, UnitOfWork uow, Clock clock) {
        EventQueries queries = new EventQueries(items, events, memberCircuits);
        return new EventUseCases(new RecordEvent(items, events, snapshots, uow, clock),
                new AddEventMetadata(queries, events, uow), queries);
    }
}
