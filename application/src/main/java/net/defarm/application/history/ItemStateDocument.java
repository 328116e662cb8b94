package net.defarm.application.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.events.EventRepository;
import net.defarm.domain.epcis.EpcisDocuments;
import net.defarm.domain.events.Event;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/**
 * The document an adapter stores for an item: the item as the API shows it (DFID, local id, identifiers, enriched
 * data, status, times) and its events that the circuit may see (public ones, and those kept to this circuit), oldest
 * first. Canonical JSON (sorted keys, no spaces) and no time of its own, so the same state always gives the same
 * bytes and so the same CID; a new event or a changed field gives a new one. Personal identifiers (a CPF) are left
 * out by the rule of the EPCIS export: the document goes to a content store (IPFS when configured) that anyone
 * holding its CID may read, and it can never be taken back.
 */
final class ItemStateDocument {

    /** Events beyond this many are left out (and the document says so): a document must fit one content block. */
    static final int MAX_EVENTS = 200;
    /** Reads as no user: only what the circuit may see. */
    private static final String NO_READER = "";

    private final EventRepository events;

    ItemStateDocument(EventRepository events) {
        this.events = events;
    }

    byte[] of(Item item, UUID circuitId) {
        Set<UUID> circuits = circuitId == null ? Set.of() : Set.of(circuitId);
        List<Event> visible = events.find(EventRepository.EventQuery.visibleTo(NO_READER, circuits)
                .forItem(item.dfid()), null, MAX_EVENTS + 1);
        JsonObject doc = JsonObject.of("dfid", JsonValue.of(item.dfid()))
                .with("local_id", JsonValue.of(item.localId() == null ? null : item.localId().toString()))
                .with("identifiers", new JsonArray(EpcisDocuments.withoutPersonal(item.identifiers()).stream()
                        .map(ItemStateDocument::identifier).toList()))
                .with("enriched_data", item.enrichedData() == null ? JsonNull.INSTANCE : item.enrichedData())
                .with("status", JsonValue.of(item.status().display()))
                .with("created_at", time(item.createdAt()))
                .with("last_modified", time(item.lastModified()))
                .with("circuit_id", JsonValue.of(circuitId == null ? null : circuitId.toString()))
                .with("events", new JsonArray(visible.stream().limit(MAX_EVENTS).map(ItemStateDocument::event)
                        .toList()))
                .with("events_complete", JsonValue.of(visible.size() <= MAX_EVENTS));
        return doc.toCanonicalJson().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonValue event(Event e) {
        return JsonObject.of("event_id", JsonValue.of(e.eventId().toString()))
                .with("event_type", JsonValue.of(e.type().wireName()))
                .with("timestamp", time(e.timestamp()))
                .with("source", JsonValue.of(e.source()))
                .with("visibility", JsonValue.of(e.visibility().wireName()))
                .with("metadata", e.metadata() == null ? JsonNull.INSTANCE : e.metadata())
                .with("content_hash", JsonValue.of(e.contentHash()));
    }

    private static JsonValue identifier(Identifier id) {
        return JsonObject.of("namespace", JsonValue.of(id.namespace())).with("key", JsonValue.of(id.key()))
                .with("value", JsonValue.of(id.value()))
                .with("id_type", JsonValue.of(id.isCanonical() ? "Canonical" : "Contextual"));
    }

    private static JsonValue time(Instant at) {
        return JsonValue.of(at == null ? null : at.toString());
    }
}
