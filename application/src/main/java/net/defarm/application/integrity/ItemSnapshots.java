package net.defarm.application.integrity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.defarm.application.shared.Clock;
import net.defarm.domain.events.Event;
import net.defarm.domain.integrity.SnapshotOperation;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.integrity.StateSnapshot.EntityType;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/**
 * Appends item snapshots to their hash chain, inside the caller's transaction: after a push-local and after every
 * new (not deduplicated) event. The state holds the item and what triggered the snapshot; the chain links versions.
 */
public final class ItemSnapshots {

    private final SnapshotRepository snapshots;
    private final Clock clock;

    public ItemSnapshots(SnapshotRepository snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** The circuits' chains, kept in the same store with the same clock. */
    public CircuitSnapshots circuits() {
        return new CircuitSnapshots(snapshots, clock);
    }

    public StateSnapshot afterPush(Item item, String circuitId, String requesterId) {
        return append(item.dfid(), itemState(item), SnapshotOperation.itemPushedToCircuit(circuitId),
                Map.of("circuit_id", circuitId, "triggered_by", requesterId), requesterId);
    }

    public StateSnapshot afterEvent(Event event, Optional<Item> item) {
        JsonObject state = JsonObject.of("dfid", JsonValue.of(event.dfid()))
                .with("item", item.<JsonValue>map(ItemSnapshots::itemState).orElse(JsonNull.INSTANCE))
                .with("trigger_event", JsonObject.of("event_id", JsonValue.of(event.eventId().toString()))
                        .with("event_type", JsonValue.of(event.type().wireName()))
                        .with("timestamp", JsonValue.of(event.timestamp().toString()))
                        .with("source", JsonValue.of(event.source()))
                        .with("metadata", event.metadata()));
        return append(event.dfid(), state, operationFor(event), Map.of("trigger_event_id", event.eventId().toString(),
                "trigger_event_type", event.type().wireName(), "triggered_by", event.source()), event.source());
    }

    private StateSnapshot append(String dfid, JsonObject state, SnapshotOperation operation,
                                 Map<String, String> metadata, String createdBy) {
        snapshots.lock(EntityType.ITEM, dfid);
        StateSnapshot next = StateSnapshot.next(snapshots.latest(EntityType.ITEM, dfid).orElse(null), EntityType.ITEM,
                dfid, state, operation, metadata, clock.now(), createdBy);
        snapshots.insert(next);
        return next;
    }

    /** The reference's mapping from event type to snapshot operation. */
    static SnapshotOperation operationFor(Event event) {
        return switch (event.type()) {
            case CREATED -> SnapshotOperation.itemCreated();
            case ENRICHED, UPDATED -> SnapshotOperation.itemEnriched(List.copyOf(event.metadata().keys()));
            case STATUS_CHANGED -> SnapshotOperation.itemEnriched(List.of("status"));
            case MERGED -> SnapshotOperation.itemEnriched(List.of("merged"));
            case SPLIT -> SnapshotOperation.itemEnriched(List.of("split"));
            case PUSHED_TO_CIRCUIT -> SnapshotOperation.itemPushedToCircuit(
                    event.metadata().getString("circuit_id").orElse("unknown"));
            case PULLED_FROM_CIRCUIT -> SnapshotOperation.itemEnriched(List.of("pulled_from_circuit"));
        };
    }

    private static JsonObject itemState(Item item) {
        JsonArray identifiers = new JsonArray(item.identifiers().stream()
                .map(ItemSnapshots::identifier).toList());
        return JsonObject.of("dfid", JsonValue.of(item.dfid()))
                .with("identifiers", identifiers)
                .with("enriched_data", item.enrichedData())
                .with("status", JsonValue.of(item.status().display()))
                .with("created_at", JsonValue.of(item.createdAt().toString()))
                .with("last_modified", JsonValue.of(item.lastModified().toString()));
    }

    private static JsonValue identifier(Identifier id) {
        return JsonObject.of("namespace", JsonValue.of(id.namespace())).with("key", JsonValue.of(id.key()))
                .with("value", JsonValue.of(id.value()))
                .with("id_type", JsonValue.of(id.isCanonical() ? "Canonical" : "Contextual"));
    }
}
