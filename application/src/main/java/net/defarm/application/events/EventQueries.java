package net.defarm.application.events;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.items.ItemAccess;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.events.Event;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;

/** Reading events the caller may see, one at a time or as chronological pages. */
@UseCase
public final class EventQueries {

    private static final String CURSOR_KIND = "events";

    private final ItemAccess items;
    private final EventRepository events;
    private final MemberCircuits memberCircuits;

    public EventQueries(ItemAccess items, EventRepository events, MemberCircuits memberCircuits) {
        this.items = items;
        this.events = events;
        this.memberCircuits = memberCircuits;
    }

    public Event get(Actor actor, UUID eventId) {
        return events.findById(eventId).filter(e -> e.isVisibleTo(actor.userId(), circuitsOf(actor)))
                .orElseThrow(() -> new NotFoundException("EVENT_NOT_FOUND", "Event not found"));
    }

    public Event getLocal(Actor actor, UUID localEventId) {
        return events.findLocal(localEventId).filter(e -> e.source().equals(actor.userId()))
                .orElseThrow(() -> new NotFoundException("LOCAL_EVENT_NOT_FOUND", "Local event not found"));
    }

    /** The events this actor may see, narrowed by {@code filter}; chronological pages. */
    public Page<Event> list(Actor actor, EventFilter filter, PageRequest page) {
        EventRepository.EventQuery query = visibleTo(actor).ofType(filter.type())
                .withVisibility(filter.visibility()).between(filter.from(), filter.to());
        return find(filter.ownOnly() ? query.ownedOnly() : query, page);
    }

    /** The timeline of an item the caller may read. */
    public Page<Event> forItem(Actor actor, String dfid, PageRequest page) {
        items.readable(actor, dfid);
        return find(visibleTo(actor).forItem(dfid), page);
    }

    private EventRepository.EventQuery visibleTo(Actor actor) {
        return EventRepository.EventQuery.visibleTo(actor.userId(), circuitsOf(actor));
    }

    private Page<Event> find(EventRepository.EventQuery query, PageRequest page) {
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new InvalidInputException("INVALID_RANGE", "start_date must not be after end_date");
        }
        EventRepository.EventKey after = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR_KIND, page.cursor(), 2);
            try {
                after = new EventRepository.EventKey(Cursor.instantFromMicros(parts.get(0)),
                        UUID.fromString(parts.get(1)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("INVALID_CURSOR", "The cursor is not valid for this list");
            }
        }
        return Page.of(events.find(query, after, page.limit() + 1), page.limit(),
                e -> Cursor.encode(CURSOR_KIND, Cursor.micros(e.timestamp()), e.eventId().toString()));
    }

    private Set<UUID> circuitsOf(Actor actor) {
        return memberCircuits.circuitsOf(actor.userId());
    }
}
