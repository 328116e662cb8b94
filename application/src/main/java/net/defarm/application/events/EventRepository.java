package net.defarm.application.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.application.shared.UuidOrder;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;

/** Stored events. Content hashes are unique: the same fact is stored once. */
@OutboundPort
public interface EventRepository {

    /** The stored event: this one if its content hash was new, otherwise the one already stored with that hash. */
    InsertOutcome insertIfAbsent(Event event);

    /**
     * Stores many events at once (imports); an event whose content hash is already stored is skipped, as in
     * {@link #insertIfAbsent}. Returns how many were stored.
     */
    int insertAll(List<Event> events);

    Optional<Event> findById(UUID eventId);

    /** The event recording exactly this content, if any. */
    Optional<Event> findByContentHash(String contentHash);

    /** A still-local event by its local id (empty once it was pushed). */
    Optional<Event> findLocal(UUID localEventId);

    /**
     * Writes a changed event read at its version; returns it at the new version. A newer stored version is a
     * StaleUpdateException; a content hash already used by another event is a ConflictException (DUPLICATE_EVENT).
     */
    Event update(Event event);

    /** At most {@code limit} events matching the query, in (timestamp, eventId) order, strictly after {@code after}. */
    List<Event> find(EventQuery query, EventKey after, int limit);

    record InsertOutcome(Event event, boolean inserted) {
    }

    /**
     * Which events to list. Every query is from a reader's point of view: only events the reader may see are
     * returned (their own, public ones, circuit-only ones of their circuits, direct ones addressed to them).
     * The scope {@code OWN} restricts to events the reader created; {@code ALL} is the integrity view (Merkle trees
     * are computed over every stored event of an item, whoever may read them) and never reaches a reader. Null
     * filters match everything; the time range is inclusive at both ends.
     */
    record EventQuery(String reader, Set<UUID> readerCircuits, Scope scope, String dfid, EventType type,
                      EventVisibility visibility, Instant from, Instant to) {

        public enum Scope { VISIBLE, OWN, ALL }

        public EventQuery {
            readerCircuits = Set.copyOf(readerCircuits);
        }

        public static EventQuery visibleTo(String reader, Set<UUID> circuits) {
            return new EventQuery(reader, circuits, Scope.VISIBLE, null, null, null, null, null);
        }

        /** What anyone may see, signed in or not: public events only. */
        public static EventQuery publicOnly() {
            return new EventQuery(null, Set.of(), Scope.VISIBLE, null, null, EventVisibility.PUBLIC, null, null);
        }

        /** Every stored event, for computing integrity proofs only. */
        public static EventQuery allStored() {
            return new EventQuery(null, Set.of(), Scope.ALL, null, null, null, null, null);
        }

        public EventQuery forItem(String itemDfid) {
            return new EventQuery(reader, readerCircuits, scope, itemDfid, type, visibility, from, to);
        }

        public EventQuery ofType(EventType t) {
            return new EventQuery(reader, readerCircuits, scope, dfid, t, visibility, from, to);
        }

        public EventQuery withVisibility(EventVisibility v) {
            return new EventQuery(reader, readerCircuits, scope, dfid, type, v, from, to);
        }

        public EventQuery between(Instant start, Instant end) {
            return new EventQuery(reader, readerCircuits, scope, dfid, type, visibility, start, end);
        }

        public EventQuery ownedOnly() {
            return new EventQuery(reader, readerCircuits, Scope.OWN, dfid, type, visibility, from, to);
        }

        public boolean matches(Event e) {
            boolean inScope = switch (scope) {
                case OWN -> e.source().equals(reader);
                case ALL -> true;
                case VISIBLE -> reader == null ? e.visibility() == EventVisibility.PUBLIC
                        : e.isVisibleTo(reader, readerCircuits);
            };
            return inScope
                    && (dfid == null || e.dfid().equals(dfid))
                    && (type == null || e.type() == type)
                    && (visibility == null || e.visibility() == visibility)
                    && (from == null || !e.timestamp().isBefore(from))
                    && (to == null || !e.timestamp().isAfter(to));
        }
    }

    record EventKey(Instant timestamp, UUID eventId) implements Comparable<EventKey> {
        public static EventKey of(Event e) {
            return new EventKey(e.timestamp(), e.eventId());
        }

        @Override
        public int compareTo(EventKey o) {
            int c = timestamp.compareTo(o.timestamp);
            return c != 0 ? c : UuidOrder.compare(eventId, o.eventId);
        }
    }
}
