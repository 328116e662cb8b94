package net.defarm.application.circuits;

import java.util.List;
import net.defarm.application.events.EventRepository;
import net.defarm.application.events.MemberCircuits;
import net.defarm.application.shared.Actor;
import net.defarm.domain.events.Event;

/**
 * The events of a circuit's item, for circuit use cases that have already decided the caller may look at that item
 * (a member reading or pulling a circuit item, anyone reading an item a public circuit publishes). Kept inside the
 * circuits package: these reads check no item access themselves, so they are no inbound port of their own.
 */
final class CircuitItemEvents {

    private final EventRepository events;
    private final MemberCircuits memberCircuits;

    CircuitItemEvents(EventRepository events, MemberCircuits memberCircuits) {
        this.events = events;
        this.memberCircuits = memberCircuits;
    }

    /** The item's events the actor may see by the event visibility rules; the first {@code limit}, oldest first. */
    List<Event> visibleTo(Actor actor, String dfid, int limit) {
        return events.find(EventRepository.EventQuery.visibleTo(actor.userId(),
                memberCircuits.circuitsOf(actor.userId())).forItem(dfid), null, limit);
    }

    /** As above, strictly after {@code after} (null: from the first): one slice of a paged read. */
    List<Event> visibleTo(Actor actor, String dfid, EventRepository.EventKey after, int limit) {
        return events.find(EventRepository.EventQuery.visibleTo(actor.userId(),
                memberCircuits.circuitsOf(actor.userId())).forItem(dfid), after, limit);
    }

    /** Whether the actor may read this event by the event visibility rules (its creator always may). */
    boolean readable(Actor actor, Event event) {
        return event.source().equals(actor.userId())
                || event.isVisibleTo(actor.userId(), memberCircuits.circuitsOf(actor.userId()));
    }

    /** The item's public events; the first {@code limit}, oldest first. */
    List<Event> published(String dfid, int limit) {
        return events.find(EventRepository.EventQuery.publicOnly().forItem(dfid), null, limit);
    }
}
