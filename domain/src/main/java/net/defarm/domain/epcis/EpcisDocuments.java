package net.defarm.domain.epcis;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventType;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/**
 * DeFarm events written as EPCIS 2.0 JSON-LD: one ObjectEvent per event, named by the item's DFID URI, with its
 * event type and metadata as {@code defarm:} extensions, identifiers as ILMD of the commissioning event, and the
 * CBV 2.0 event hash as its eventID.
 */
public final class EpcisDocuments {

    /** Identifier keys that are GS1 keys, with their digit count and Digital Link application identifier. */
    private static final Map<String, String[]> GS1_KEYS = Map.of("gtin", new String[] {"14", "01"},
            "sscc", new String[] {"18", "00"}, "gln", new String[] {"13", "414"});

    private static final Set<String> PERSONAL = java.util.Set.of("cpf");

    private EpcisDocuments() {
    }

    /** An EPCISDocument holding these events. */
    public static JsonObject document(List<JsonObject> events, Instant creationDate) {
        JsonArray context = JsonArray.of(JsonValue.of(EpcisVocabulary.EPCIS_CONTEXT),
                JsonObject.of(EpcisVocabulary.PREFIX, JsonValue.of(EpcisVocabulary.NAMESPACE)));
        return JsonObject.of("@context", context)
                .with("type", JsonValue.of("EPCISDocument"))
                .with("schemaVersion", JsonValue.of("2.0"))
                .with("creationDate", JsonValue.of(time(creationDate)))
                .with("epcisBody", JsonObject.of("eventList", new JsonArray(List.copyOf(events))));
    }

    /**
     * One event as an ObjectEvent. {@code identifiers} go into the ILMD of a creation (ILMD belongs to ADD events
     * only) and are ignored for every other type; GS1 keys among them also appear as Digital Link URIs.
     */
    public static JsonObject event(Event e, List<Identifier> identifiers) {
        EpcisVocabulary.Step step = EpcisVocabulary.stepOf(e.type());
        List<JsonValue> epcs = new ArrayList<>(List.of(JsonValue.of(dfidUri(e.dfid()))));
        JsonObject event = JsonObject.of("type", JsonValue.of("ObjectEvent"))
                .with("eventTime", JsonValue.of(time(e.timestamp())))
                .with("eventTimeZoneOffset", JsonValue.of("+00:00"))
                .with("action", JsonValue.of(step.action()))
                .with("bizStep", JsonValue.of(step.bizStep()))
                .with(own("eventType"), JsonValue.of(e.type().wireName()));
        if (!e.metadata().isEmpty()) {
            event = event.with(own("metadata"), e.metadata());
        }
        if (e.type() == EventType.CREATED && !identifiers.isEmpty()) {
            List<JsonValue> ids = new ArrayList<>();
            for (Identifier id : identifiers) {
                JsonObject entry = JsonObject.of("namespace", JsonValue.of(id.namespace()))
                        .with("key", JsonValue.of(id.key())).with("value", JsonValue.of(id.value()))
                        .with("canonical", JsonValue.of(id.isCanonical()));
                String uri = digitalLink(id);
                if (uri != null) {
                    entry = entry.with("uri", JsonValue.of(uri));
                    if (uri.startsWith(Gs1Keys.DIGITAL_LINK + "00/")) {
                        epcs.add(JsonValue.of(uri));
                    }
                }
                ids.add(entry);
            }
            event = event.with("ilmd", JsonObject.of(own("identifiers"), new JsonArray(ids)));
        }
        event = event.with("epcList", new JsonArray(epcs));
        return event.with("eventID", JsonValue.of(EpcisEventHash.of(event, EpcisVocabulary.PREFIXES)));
    }

    /**
     * The identifiers without personal ones (a CPF names a person): an export may travel further than the API
     * answer it was taken from, so only the item's owner receives those.
     */
    public static List<Identifier> withoutPersonal(List<Identifier> identifiers) {
        return identifiers.stream().filter(i -> !PERSONAL.contains(i.key().toLowerCase(Locale.ROOT))
                && (i.registry() == null || !PERSONAL.contains(i.registry().toLowerCase(Locale.ROOT)))).toList();
    }

    public static String dfidUri(String dfid) {
        return EpcisVocabulary.DFID_URN + dfid;
    }

    /** UTC, with as many decimals as the instant has (microseconds at most: what every store keeps). */
    public static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** The Digital Link of an identifier whose key names a GS1 key and whose value is one (check digit included). */
    static String digitalLink(Identifier id) {
        String[] key = GS1_KEYS.get(id.key().toLowerCase(Locale.ROOT));
        if (key == null || !Gs1Keys.isValid(id.value(), Integer.parseInt(key[0]))) {
            return null;
        }
        return Gs1Keys.DIGITAL_LINK + key[1] + "/" + id.value();
    }

    private static String own(String name) {
        return EpcisVocabulary.PREFIX + ":" + name;
    }
}
