package net.defarm.application.circuits;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.defarm.application.events.EventRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.circuits.CircuitItem;
import net.defarm.domain.events.Event;
import net.defarm.domain.shared.InvalidInputException;

/**
 * Pages over the events of a circuit's items: items in (pushed at, DFID) order, each item's visible events in
 * (timestamp, id) order. The cursor names the item before the one to resume at and the last event given of that
 * item. One page looks at {@link #MAX_ITEMS_SCANNED} items at most, so a circuit of items without visible events
 * costs bounded work per request (such a page may be short, even empty, and still carry a next cursor).
 */
final class CircuitEventPages {

    static final int MAX_ITEMS_SCANNED = 1000;
    private static final int BATCH = 100;
    private static final String KIND = "circuit-events";

    private final CircuitItemRepository circuitItems;
    private final CircuitItemEvents events;

    CircuitEventPages(CircuitItemRepository circuitItems, CircuitItemEvents events) {
        this.circuitItems = circuitItems;
        this.events = events;
    }

    Page<Event> page(Actor actor, UUID circuitId, PageRequest page) {
        CircuitItemRepository.ItemKey before = null;
        EventRepository.EventKey eventAfter = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(KIND, page.cursor(), 4);
            try {
                before = parts.get(0).isEmpty() ? null
                        : new CircuitItemRepository.ItemKey(Cursor.instantFromMicros(parts.get(0)), parts.get(1));
                eventAfter = parts.get(2).isEmpty() ? null : new EventRepository.EventKey(
                        Cursor.instantFromMicros(parts.get(2)), UUID.fromString(parts.get(3)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("INVALID_CURSOR", "The cursor is not valid for this list");
            }
        }
        List<Event> out = new ArrayList<>();
        int scanned = 0;
        while (scanned < MAX_ITEMS_SCANNED) {
            List<CircuitItem> batch = circuitItems.find(circuitId, before, BATCH);
            for (CircuitItem item : batch) {
                List<Event> found = events.visibleTo(actor, item.dfid(), eventAfter, page.limit() - out.size() + 1);
                Event last = null;
                for (Event e : found) {
                    if (out.size() == page.limit()) {
                        return new Page<>(out, cursor(before, last));
                    }
                    out.add(e);
                    last = e;
                }
                eventAfter = null;
                before = new CircuitItemRepository.ItemKey(item.pushedAt(), item.dfid());
                scanned++;
            }
            if (batch.size() < BATCH) {
                return new Page<>(out, null);
            }
        }
        return new Page<>(out, cursor(before, null));
    }

    private static String cursor(CircuitItemRepository.ItemKey before, Event last) {
        return Cursor.encode(KIND, before == null ? "" : Cursor.micros(before.pushedAt()),
                before == null ? "" : before.dfid(), last == null ? "" : Cursor.micros(last.timestamp()),
                last == null ? "" : last.eventId().toString());
    }
}
