package net.defarm.domain.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import net.defarm.domain.shared.JsonObject;

/**
 * A fact on an item's timeline. Local events are recorded in a workspace before their item has a DFID; they live
 * under {@code LOCAL-EVENT-<id>} until pushed to a circuit with a DFID. The content hash is always the dedup hash
 * over the current dfid and metadata.
 */
public record Event(
        UUID eventId,
        String dfid,
        EventType type,
        Instant timestamp,
        String source,
        JsonObject metadata,
        boolean encrypted,
        EventVisibility visibility,
        String contentHash,
        UUID localEventId,
        boolean local,
        UUID pushedToCircuit,
        long version) {

    public static final String LOCAL_PREFIX = "LOCAL-EVENT-";

    public Event {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(dfid, "dfid");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(visibility, "visibility");
        metadata = metadata == null ? JsonObject.EMPTY : metadata;
        Objects.requireNonNull(contentHash, "contentHash");
    }

    public static Event record(UUID eventId, String dfid, EventType type, String source, EventVisibility visibility,
                               JsonObject metadata, Instant now) {
        return new Event(eventId, dfid, type, now, source, metadata, visibility == EventVisibility.PRIVATE,
                visibility, EventHash.of(dfid, type, source, metadata), null, false, null, 0);
    }

    /** A workspace event with no item yet. */
    public static Event recordLocal(UUID eventId, UUID localEventId, EventType type, String source,
                                    EventVisibility visibility, JsonObject metadata, Instant now) {
        String dfid = LOCAL_PREFIX + localEventId;
        return new Event(eventId, dfid, type, now, source, metadata, visibility == EventVisibility.PRIVATE,
                visibility, EventHash.of(dfid, type, source, metadata), localEventId, true, null, 0);
    }

    /** Metadata entries added (overwriting), hash recomputed. */
    public Event withMetadata(JsonObject added) {
        JsonObject merged = metadata.merge(added);
        return new Event(eventId, dfid, type, timestamp, source, merged, encrypted, visibility,
                EventHash.of(dfid, type, source, merged), localEventId, local, pushedToCircuit, version);
    }

    /** The hash this local event would have once attached to {@code newDfid}. */
    public String hashIfAttachedTo(String newDfid) {
        return EventHash.of(newDfid, type, source, metadata);
    }

    /** A local event attached to its item's DFID inside a circuit. */
    public Event pushedTo(String newDfid, UUID circuitId) {
        if (!local) {
            throw new IllegalStateException("only local events are pushed");
        }
        return new Event(eventId, newDfid, type, timestamp, source, metadata, encrypted, visibility,
                EventHash.of(newDfid, type, source, metadata), localEventId, false, circuitId, version);
    }

    public Event atVersion(long storedVersion) {
        return new Event(eventId, dfid, type, timestamp, source, metadata, encrypted, visibility, contentHash,
                localEventId, local, pushedToCircuit, storedVersion);
    }

    /**
     * The read rule: public to everyone authenticated, private to its creator, direct to creator and recipient,
     * circuit-only to members of its circuit.
     *
     * @param memberOf the circuits the reader belongs to
     */
    public boolean isVisibleTo(String userId, Set<UUID> memberOf) {
        if (source.equals(userId)) {
            return true;
        }
        return switch (visibility) {
            case PUBLIC -> true;
            case PRIVATE -> false;
            case DIRECT -> metadata.getString("recipient_id").map(userId::equals).orElse(false);
            case CIRCUIT_ONLY -> metadata.getString("circuit_id").map(id -> {
                try {
                    return memberOf.contains(UUID.fromString(id));
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }).orElse(false);
        };
    }
}
