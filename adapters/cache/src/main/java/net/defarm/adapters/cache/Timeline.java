package net.defarm.adapters.cache;

import java.util.List;
import net.defarm.domain.events.Event;

/**
 * Every stored event of one DFID, in (timestamp, event id) order, the same for every reader. {@code complete} is
 * false when the item has more events than the cache keeps: then reads go to the store.
 */
record Timeline(List<Event> events, boolean complete) {

    Timeline {
        events = List.copyOf(events);
    }
}
