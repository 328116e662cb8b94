package net.defarm.application.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import net.defarm.application.shared.Clock;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.delivery.OutboxMessage;
import net.defarm.domain.delivery.PostActionSettings;
import net.defarm.domain.delivery.TriggerEvent;
import net.defarm.domain.delivery.Webhook;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/**
 * The circuits' post-actions: when an item is pushed, approved, tokenized or published, one outbox message per
 * enabled webhook of a circuit whose settings fire on that event. Called inside the use case's transaction, so
 * the messages are committed with the change or not at all; nothing is sent here.
 */
public final class PostActions {

    private final PostActionRepository repository;
    private final Outbox outbox;
    private final Function<String, Optional<Item>> items;
    private final Clock clock;

    public PostActions(PostActionRepository repository, Outbox outbox, Function<String, Optional<Item>> items,
                       Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.items = items;
        this.clock = clock;
    }

    /** A push started (completed at once, or pending approval: the payload's status says which). */
    public void onItemPushed(Circuit circuit, CircuitOperation operation) {
        if (operation.type() == CircuitOperation.Type.PUSH) {
            fire(circuit, TriggerEvent.ITEM_PUSHED, operation.dfid(), operation.requesterId(),
                    operation.operationId(), operation.status().wireName());
        }
    }

    /** A pending push was approved. */
    public void onItemApproved(Circuit circuit, CircuitOperation approved) {
        if (approved.type() == CircuitOperation.Type.PUSH) {
            fire(circuit, TriggerEvent.ITEM_APPROVED, approved.dfid(), approved.requesterId(), approved.operationId(),
                    approved.status().wireName());
        }
    }

    /** A workspace item obtained its DFID inside the circuit (push-local). */
    public void onItemTokenized(Circuit circuit, String dfid, UUID operationId, String actorId) {
        fire(circuit, TriggerEvent.ITEM_TOKENIZED, dfid, actorId, operationId, "Tokenized");
    }

    /** Fires for every item {@code after} publishes that {@code before} did not; returns {@code after}. */
    public Circuit onPublished(Circuit before, Circuit after, String actorId) {
        if (after.publicSettings() == null) {
            return after;
        }
        for (String dfid : after.publicSettings().publishedItems()) {
            if (!before.publishes(dfid)) {
                fire(after, TriggerEvent.ITEM_PUBLISHED, dfid, actorId, null, "Published");
            }
        }
        return after;
    }

    private void fire(Circuit circuit, TriggerEvent event, String dfid, String actorId, UUID operationId,
                      String status) {
        Optional<PostActionSettings> settings = repository.settings(circuit.circuitId());
        if (settings.isEmpty() || !settings.get().fires(event)) {
            return;
        }
        List<Webhook> targets = new ArrayList<>(repository.webhooks(circuit.circuitId()).stream()
                .filter(Webhook::enabled).toList());
        if (targets.isEmpty()) {
            return;
        }
        Instant now = clock.now();
        String payload = payload(settings.get(), circuit, event, dfid, actorId, operationId, status, now).toCanonicalJson();
        for (Webhook webhook : targets) {
            outbox.enqueue(OutboxMessage.create(UUID.randomUUID(), OutboxMessage.WEBHOOK, circuit.circuitId(),
                    webhook.id().toString(), event.wireName(), payload, now));
        }
    }

    private JsonObject payload(PostActionSettings settings, Circuit circuit, TriggerEvent event, String dfid,
                               String actorId, UUID operationId, String status, Instant now) {
        JsonObject item = JsonObject.of("dfid", JsonValue.of(dfid)).with("pushed_by", JsonValue.of(actorId));
        Optional<Item> stored = items.apply(dfid);
        item = item.with("local_id", JsonValue.of(stored.map(Item::localId).map(UUID::toString).orElse(null)));
        if (settings.includeItemMetadata() && stored.isPresent()) {
            item = item.with("identifiers", new JsonArray(stored.get().identifiers().stream()
                            .map(PostActions::identifier).toList()))
                    .with("enriched_data", stored.get().enrichedData() == null ? JsonNull.INSTANCE
                            : stored.get().enrichedData());
        }
        JsonValue storage = JsonNull.INSTANCE;
        if (settings.includeStorageDetails()) {
            var adapter = circuit.adapterConfig();
            storage = JsonObject.of("adapter_type", JsonValue.of(adapter == null || adapter.adapterType() == null
                            ? null : adapter.adapterType().wireName()))
                    .with("sponsored", JsonValue.of(adapter != null && adapter.sponsorAdapterAccess()));
        }
        return JsonObject.of("event_type", JsonValue.of(event.wireName()))
                .with("circuit_id", JsonValue.of(circuit.circuitId().toString()))
                .with("circuit_name", JsonValue.of(circuit.name()))
                .with("timestamp", JsonValue.of(now.toString()))
                .with("item", item)
                .with("storage", storage)
                .with("operation_id", JsonValue.of(operationId == null ? null : operationId.toString()))
                .with("status", JsonValue.of(status));
    }

    private static JsonValue identifier(Identifier id) {
        return JsonObject.of("namespace", JsonValue.of(id.namespace())).with("key", JsonValue.of(id.key()))
                .with("value", JsonValue.of(id.value()))
                .with("id_type", JsonValue.of(id.isCanonical() ? "Canonical" : "Contextual"));
    }
}
