package net.defarm.domain.epcis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonString;
import net.defarm.domain.shared.JsonValue;

/**
 * The EPCIS Event Hash ID of CBV 2.0: a pre-hash string built from the event's fields in the canonical property
 * order (values normalised: times in UTC to the millisecond, CBV bare words and URNs as Web URIs, EPC URIs as GS1
 * Digital Links, numbers without trailing zeros, lists sorted), hashed with SHA-256 and written as
 * {@code ni:///sha-256;<hex>?ver=CBV2.0}. Sensor elements are not supported (no DeFarm event carries them).
 * docs/epcis.md describes the algorithm step by step.
 */
public final class EpcisEventHash {

    public static final String VERSION = "CBV2.0";
    private static final String CBV = "https://ref.gs1.org/cbv/";
    /** Prefixes the EPCIS context itself defines; a document's @context may add its own. */
    public static final Map<String, String> STANDARD_PREFIXES = Map.of("gs1", "https://gs1.org/voc/", "cbv", CBV,
            "epcis", "https://ref.gs1.org/epcis/");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final List<String> EPC_LISTS = List.of("epcList", "inputEPCList", "childEPCs");
    private static final List<String> QUANTITY_LISTS = List.of("quantityList", "childQuantityList",
            "inputQuantityList");
    private static final List<String> PARTY_LISTS = List.of("sourceList", "destinationList");
    /** Fields that never take part in the hash, or that are placed by the canonical order rather than as extensions. */
    private static final Set<String> STANDARD = Set.of("type", "eventID", "recordTime", "errorDeclaration",
            "eventTime", "eventTimeZoneOffset", "certificationInfo", "parentID", "epcList", "inputEPCList",
            "childEPCs", "quantityList", "childQuantityList", "inputQuantityList", "outputEPCList",
            "outputQuantityList", "action", "transformationID", "bizStep", "disposition", "persistentDisposition",
            "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList", "sensorElementList",
            "ilmd", "@context");

    private EpcisEventHash() {
    }

    /** The hash id of one event; {@code prefixes} are the document's CURIE prefixes (name to namespace IRI). */
    public static String of(JsonObject event, Map<String, String> prefixes) {
        return "ni:///sha-256;" + Hashes.sha256Hex(preHash(event, prefixes)) + "?ver=" + VERSION;
    }

    /** The canonical pre-hash string of one event. */
    public static String preHash(JsonObject event, Map<String, String> prefixes) {
        if (event.get("sensorElementList").isPresent()) {
            throw new IllegalArgumentException("sensorElementList is not supported by this hash implementation");
        }
        Writer w = new Writer(prefixes);
        StringBuilder out = new StringBuilder("eventType=").append(w.text(event, "type"));
        out.append(w.time(event, "eventTime")).append(w.plain(event, "eventTimeZoneOffset"))
                .append(w.plain(event, "certificationInfo")).append(w.plain(event, "parentID"));
        EPC_LISTS.forEach(name -> out.append(w.epcs(event, name)));
        QUANTITY_LISTS.forEach(name -> out.append(w.quantities(event, name)));
        out.append(w.epcs(event, "outputEPCList")).append(w.quantities(event, "outputQuantityList"))
                .append(w.plain(event, "action")).append(w.plain(event, "transformationID"))
                .append(w.vocabulary(event, "bizStep", "BizStep-")).append(w.vocabulary(event, "disposition", "Disp-"))
                .append(w.persistentDisposition(event))
                .append(w.location(event, "readPoint")).append(w.location(event, "bizLocation"));
        // The lists of parties and transactions, the ILMD and the extensions are sorted together as whole strings,
        // as the published reference examples hash them.
        List<String> tail = new ArrayList<>(List.of(
                w.typedList(event, "bizTransactionList", "bizTransaction", "BTT-")));
        PARTY_LISTS.forEach(name -> tail.add(w.typedList(event, name, name.replace("List", ""), "SDT-")));
        event.get("ilmd").filter(v -> v instanceof JsonObject).ifPresent(ilmd -> {
            String members = w.generic((JsonObject) ilmd, Set.of());
            if (!members.isEmpty()) {
                tail.add("ilmd" + members);
            }
        });
        w.extensions(event, STANDARD, tail);
        tail.sort(null);
        tail.forEach(out::append);
        return out.toString();
    }

    /** One pass over one event, with the document's prefixes. */
    private record Writer(Map<String, String> prefixes) {

        String text(JsonObject o, String key) {
            return o.get(key).map(EpcisEventHash::scalar).orElse("").strip();
        }

        String plain(JsonObject o, String key) {
            String v = text(o, key);
            return v.isEmpty() ? "" : key + "=" + canonical(v);
        }

        String time(JsonObject o, String key) {
            String v = text(o, key);
            return v.isEmpty() ? "" : key + "=" + utcMillis(v);
        }

        String vocabulary(JsonObject o, String key, String kind) {
            String v = text(o, key);
            return v.isEmpty() ? "" : key + "=" + canonical(bare(v, kind));
        }

        String epcs(JsonObject o, String key) {
            List<String> parts = new ArrayList<>();
            for (JsonValue v : array(o, key)) {
                String s = scalar(v).strip();
                if (!s.isEmpty()) {
                    parts.add("epc=" + canonical(s));
                }
            }
            return joined(key, parts);
        }

        String quantities(JsonObject o, String key) {
            List<String> parts = new ArrayList<>();
            for (JsonValue v : array(o, key)) {
                if (v instanceof JsonObject q) {
                    String s = plain(q, "epcClass") + plain(q, "quantity") + plain(q, "uom");
                    if (!s.isEmpty()) {
                        parts.add("quantityElement" + s);
                    }
                }
            }
            return joined(key, parts);
        }

        String persistentDisposition(JsonObject o) {
            if (!(o.get("persistentDisposition").orElse(null) instanceof JsonObject pd)) {
                return "";
            }
            StringBuilder s = new StringBuilder();
            for (String part : List.of("set", "unset")) {
                List<String> values = new ArrayList<>();
                array(pd, part).forEach(v -> values.add(part + "=" + canonical(bare(scalar(v).strip(), "Disp-"))));
                values.sort(null);
                values.forEach(s::append);
            }
            return s.isEmpty() ? "" : "persistentDisposition" + s;
        }

        /** readPoint / bizLocation: the id, then the location's own extensions. */
        String location(JsonObject o, String key) {
            if (!(o.get(key).orElse(null) instanceof JsonObject loc)) {
                return "";
            }
            String s = plain(loc, "id") + generic(loc, Set.of("id"));
            return s.isEmpty() ? "" : key + s;
        }

        /** Business transactions, sources, destinations: per entry its type, then its value; entries sorted. */
        String typedList(JsonObject o, String key, String valueKey, String kind) {
            List<String> parts = new ArrayList<>();
            for (JsonValue v : array(o, key)) {
                if (v instanceof JsonObject entry) {
                    String type = text(entry, "type");
                    parts.add((type.isEmpty() ? "" : "type=" + canonical(bare(type, kind))) + plain(entry, valueKey));
                }
            }
            return joined(key, parts);
        }

        /** Extension members (and ILMD): {namespace}name=value, nested members after their parent, all sorted. */
        String generic(JsonObject o, Set<String> skip) {
            List<String> parts = new ArrayList<>();
            extensions(o, skip, parts);
            parts.sort(null);
            return String.join("", parts);
        }

        void extensions(JsonObject o, Set<String> skip, List<String> parts) {
            o.members().forEach((k, v) -> {
                if (!skip.contains(k) && !k.equals("rdfs:comment") && !k.equals("comment")) {
                    member(expandKey(k), v, parts);
                }
            });
        }

        private void member(String key, JsonValue v, List<String> parts) {
            switch (v) {
                case JsonArray a -> a.values().forEach(e -> member(key, e, parts));
                case JsonObject child -> parts.add(key + generic(child, Set.of()));
                case JsonNull n -> parts.add(key);
                default -> {
                    String s = scalar(v).strip();
                    parts.add(s.isEmpty() ? key : key + "=" + canonical(expandValue(s)));
                }
            }
        }

        private String expandKey(String key) {
            int colon = key.indexOf(':');
            if (colon > 0 && prefixes.containsKey(key.substring(0, colon))) {
                return "{" + prefixes.get(key.substring(0, colon)) + "}" + key.substring(colon + 1);
            }
            return key;
        }

        /** A CURIE with a known prefix becomes its full URI. */
        private String expandValue(String value) {
            int colon = value.indexOf(':');
            if (colon > 0 && !value.startsWith("//", colon + 1)) {
                String ns = prefixes.getOrDefault(value.substring(0, colon),
                        STANDARD_PREFIXES.get(value.substring(0, colon)));
                if (ns != null) {
                    return ns + value.substring(colon + 1);
                }
            }
            return value;
        }

        private String bare(String value, String kind) {
            return value.indexOf(':') < 0 ? CBV + kind + value : expandValue(value);
        }
    }

    private static List<JsonValue> array(JsonObject o, String key) {
        return o.get(key).filter(v -> v instanceof JsonArray).map(v -> ((JsonArray) v).values()).orElse(List.of());
    }

    private static String joined(String key, List<String> parts) {
        if (parts.isEmpty()) {
            return "";
        }
        List<String> sorted = new ArrayList<>(parts);
        sorted.sort(null);
        return key + String.join("", sorted);
    }

    private static String scalar(JsonValue v) {
        return switch (v) {
            case JsonString s -> s.value();
            case JsonNull n -> "";
            default -> v.toCanonicalJson();
        };
    }

    /** CBV URNs as Web URIs, numbers without trailing zeros, EPC URIs as Digital Links, Digital Links unqueried. */
    static String canonical(String value) {
        String v = value.replace("urn:epcglobal:cbv:bizstep:", CBV + "BizStep-")
                .replace("urn:epcglobal:cbv:disp:", CBV + "Disp-")
                .replace("urn:epcglobal:cbv:btt:", CBV + "BTT-")
                .replace("urn:epcglobal:cbv:sdt:", CBV + "SDT-")
                .replace("urn:epcglobal:cbv:er:", CBV + "ER-");
        if (DECIMAL.matcher(v).matches()) {
            BigDecimal n = new BigDecimal(v.startsWith(".") || v.startsWith("+.") ? v.replace(".", "0.") : v);
            return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
        }
        if (v.startsWith("urn:epc:")) {
            return Gs1Keys.digitalLink(v).orElse(v);
        }
        if (v.startsWith(Gs1Keys.DIGITAL_LINK) && v.indexOf('?') > 0) {
            return v.substring(0, v.indexOf('?'));
        }
        return v;
    }

    /** A timestamp in UTC with exactly three decimals, the fourth decimal rounding the third. */
    public static String utcMillis(String timestamp) {
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(timestamp);
        } catch (DateTimeParseException e) {
            return timestamp;
        }
        long micros = t.getNano() / 100_000;
        BigDecimal millis = BigDecimal.valueOf(micros, 1).setScale(0, RoundingMode.HALF_UP);
        OffsetDateTime rounded = t.withNano(0).plusNanos(millis.longValueExact() * 1_000_000);
        return MILLIS.format(rounded.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
