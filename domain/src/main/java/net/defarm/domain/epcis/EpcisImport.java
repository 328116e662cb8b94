package net.defarm.domain.epcis;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.defarm.domain.events.EventType;
import net.defarm.domain.items.Dfid;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonString;
import net.defarm.domain.shared.JsonValue;

/**
 * Reads an EPCIS 2.0 EPCISDocument for import, strictly: the document's required fields and types, and per event
 * the ObjectEvent fields DeFarm records (eventTime with offset, eventTimeZoneOffset, action, a known bizStep, the
 * epcList naming the item). Every refusal is an InvalidInputException naming the field.
 */
public final class EpcisImport {

    /** Most events one document may carry. */
    public static final int MAX_EVENTS = 1000;
    private static final String CODE = "INVALID_EPCIS";
    private static final Pattern OFFSET = Pattern.compile("[+-]((0\\d|1[0-3]):[0-5]\\d|14:00)");
    private static final Set<String> ACTIONS = Set.of("ADD", "OBSERVE");
    /** Fields of the event kept out of the stored copy of a foreign event (they are the event's own record). */
    private static final Set<String> NOT_KEPT = Set.of("eventID", "recordTime", "epcList");

    /** One event to record; {@code dfid} is the item its epcList names, if it names one. */
    public record ImportedEvent(EventType type, Instant eventTime, JsonObject metadata, Optional<String> dfid) {
    }

    private EpcisImport() {
    }

    public static List<ImportedEvent> read(JsonObject doc) {
        requireText(doc, "type", "EPCISDocument");
        requireText(doc, "schemaVersion", "2.0");
        requireContext(doc.get("@context").orElse(null));
        time(doc, "creationDate", "");
        JsonObject body = object(doc, "epcisBody", "");
        if (!(body.get("eventList").orElse(null) instanceof JsonArray list)) {
            throw invalid("epcisBody.eventList is required and must be an array");
        }
        if (list.values().isEmpty() || list.values().size() > MAX_EVENTS) {
            throw invalid("epcisBody.eventList must hold 1 to " + MAX_EVENTS + " events");
        }
        List<ImportedEvent> events = new ArrayList<>();
        for (int i = 0; i < list.values().size(); i++) {
            String at = "epcisBody.eventList[" + i + "].";
            if (!(list.values().get(i) instanceof JsonObject event)) {
                throw invalid(at.substring(0, at.length() - 1) + " must be an object");
            }
            events.add(event(event, at));
        }
        return events;
    }

    private static ImportedEvent event(JsonObject event, String at) {
        String type = text(event, "type", at);
        if (!type.equals("ObjectEvent")) {
            throw invalid(at + "type must be ObjectEvent (the only event type DeFarm records)");
        }
        Instant time = time(event, "eventTime", at);
        if (!OFFSET.matcher(text(event, "eventTimeZoneOffset", at)).matches()) {
            throw invalid(at + "eventTimeZoneOffset must be an offset such as +00:00 or -03:00");
        }
        String action = text(event, "action", at);
        if (!ACTIONS.contains(action)) {
            throw invalid(at + "action must be ADD or OBSERVE (DeFarm never deletes what it recorded)");
        }
        String bizStep = null;
        if (event.get("bizStep").isPresent()) {
            String given = text(event, "bizStep", at);
            bizStep = EpcisVocabulary.knownBizStep(given)
                    .orElseThrow(() -> invalid(at + "bizStep is not a known CBV 2.0 business step: " + given));
        }
        EventType eventType = EpcisVocabulary.typeOf(bizStep, action);
        String own = EpcisVocabulary.PREFIX + ":";
        if (event.get(own + "eventType").isPresent()) {
            String name = text(event, own + "eventType", at);
            eventType = EventType.parse(name).orElseThrow(() -> invalid(at + own
                    + "eventType is not a DeFarm event type: " + name));
        }
        JsonObject metadata;
        if (event.get(own + "metadata").isPresent()) {
            metadata = object(event, own + "metadata", at);
        } else {
            JsonObject kept = JsonObject.EMPTY;
            for (var member : event.members().entrySet()) {
                if (!NOT_KEPT.contains(member.getKey())) {
                    kept = kept.with(member.getKey(), member.getValue());
                }
            }
            metadata = JsonObject.of("epcis_event", kept);
        }
        return new ImportedEvent(eventType, time, metadata, dfid(event, at));
    }

    /** The one DFID URI of the epcList, if any; other EPCs (GS1 keys) are allowed beside it. */
    private static Optional<String> dfid(JsonObject event, String at) {
        if (!(event.get("epcList").orElse(null) instanceof JsonArray epcs)) {
            throw invalid(at + "epcList is required and must be an array of URIs");
        }
        String found = null;
        for (JsonValue epc : epcs.values()) {
            if (!(epc instanceof JsonString s) || s.value().isBlank()) {
                throw invalid(at + "epcList must hold URIs (strings)");
            }
            if (s.value().startsWith(EpcisVocabulary.DFID_URN)) {
                String dfid = s.value().substring(EpcisVocabulary.DFID_URN.length());
                if (!Dfid.isValid(dfid)) {
                    throw invalid(at + "epcList holds a malformed DFID URI");
                }
                if (found != null && !found.equals(dfid)) {
                    throw invalid(at + "epcList names more than one DFID");
                }
                found = dfid;
            }
        }
        return Optional.ofNullable(found);
    }

    private static void requireContext(JsonValue context) {
        boolean ok = switch (context) {
            case JsonString s -> s.value().equals(EpcisVocabulary.EPCIS_CONTEXT);
            case JsonArray a -> a.values().stream().anyMatch(v -> v instanceof JsonString s
                    && s.value().equals(EpcisVocabulary.EPCIS_CONTEXT));
            case null, default -> false;
        };
        if (!ok) {
            throw invalid("@context must name " + EpcisVocabulary.EPCIS_CONTEXT);
        }
    }

    private static void requireText(JsonObject o, String key, String expected) {
        if (!text(o, key, "").equals(expected)) {
            throw invalid(key + " must be \"" + expected + "\"");
        }
    }

    private static String text(JsonObject o, String key, String at) {
        if (!(o.get(key).orElse(null) instanceof JsonString s)) {
            throw invalid(at + key + " is required and must be a string");
        }
        return s.value();
    }

    private static JsonObject object(JsonObject o, String key, String at) {
        if (!(o.get(key).orElse(null) instanceof JsonObject child)) {
            throw invalid(at + key + " is required and must be an object");
        }
        return child;
    }

    /** An RFC 3339 date-time with its offset, kept to the microsecond (what every store keeps). */
    private static Instant time(JsonObject o, String key, String at) {
        String value = text(o, key, at);
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw invalid(at + key + " must be a date-time with a time-zone offset, such as 2024-05-01T12:00:00Z");
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(CODE, message);
    }
}
