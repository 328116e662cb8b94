package net.defarm.application.events;

import java.time.Instant;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;

/**
 * What a reader asks to narrow a list of events by. It never widens what the reader may see: {@link EventQueries}
 * applies it on top of the reader's own visibility. Null fields match everything; the time range is inclusive.
 */
public record EventFilter(EventType type, EventVisibility visibility, Instant from, Instant to, boolean ownOnly) {

    /** No narrowing: every event the reader may see. */
    public static EventFilter any() {
        return new EventFilter(null, null, null, null, false);
    }

    public EventFilter ofType(EventType t) {
        return new EventFilter(t, visibility, from, to, ownOnly);
    }

    public EventFilter withVisibility(EventVisibility v) {
        return new EventFilter(type, v, from, to, ownOnly);
    }

    public EventFilter between(Instant start, Instant end) {
        return new EventFilter(type, visibility, start, end, ownOnly);
    }

    /** Only events the reader recorded. */
    public EventFilter ownedOnly() {
        return new EventFilter(type, visibility, from, to, true);
    }
}
