package net.defarm.bootstrap.http.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what changes from run to run by stable placeholders, so that one scenario gives identical files every
 * time and in every store. Values that identify something (ids, DFIDs, tokens, keys, hashes) become numbered
 * placeholders in order of first appearance within one golden file ({@code <dfid-1>}, {@code <uuid-2>}): equal
 * values stay visibly equal, and a new step changes only its own file. Times become {@code <time>} (unnumbered:
 * two times a microsecond apart are not a contract). Values the scenario named ({@link #alias}) read as their name.
 */
final class Normaliser {

    /** Scanned left to right; the first alternative that matches at a position wins. */
    private static final Pattern VOLATILE = Pattern.compile(String.join("|",
            "(?<jwt>eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)",
            "(?<apikey>dfm_[A-Za-z0-9_-]+)",
            "(?<secret>whsec_[A-Za-z0-9+/=_-]+)",
            "(?<dfid>DFID-\\d{8}-\\d{6,}-[0-9A-Za-z]+)",
            "(?<activity>ACTIVITY-\\d{14}-[0-9A-Fa-f]{8})",
            "(?<share>SHARE-\\d{14}-[0-9A-Fa-f]{8})",
            "(?<uuid>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})",
            "(?<time>\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?)",
            "(?<hash>(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F]))",
            "(?<date>\\d{4}-\\d{2}-\\d{2})"));
    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("jwt", "jwt");
        KINDS.put("apikey", "api-key");
        KINDS.put("secret", "signing-secret");
        KINDS.put("dfid", "dfid");
        KINDS.put("activity", "activity");
        KINDS.put("share", "share");
        KINDS.put("uuid", "uuid");
        KINDS.put("hash", "hash");
    }

    /** Epoch seconds (2001 to 2286) and epoch milliseconds of the same span, as integral JSON numbers. */
    private static final long SECONDS_FROM = 1_000_000_000L;
    private static final long SECONDS_TO = 9_999_999_999L;
    private static final long MILLIS_FROM = 1_000_000_000_000L;
    private static final long MILLIS_TO = 9_999_999_999_999L;
    /** Fields that measure elapsed time: a contract in their type, never in their value. */
    private static final Pattern DURATION_FIELD = Pattern.compile(".*(_ms|_seconds|duration.*|uptime.*)");
    /**
     * Fields whose value follows from hashes of random ids: a leaf's place in a circuit's Merkle tree (its items
     * are ordered by their roots). Their presence and type are the contract.
     */
    private static final Map<String, String> HASH_ORDERED = Map.of("leaf_index", "<leaf-index>",
            "position", "<side>", "shard", "<audit-shard>", "seq", "<audit-seq>", "chains_checked", "<audit-chains>",
            "records_checked", "<audit-records>");
    /** A field of [hour, count] pairs whose hours are the run's wall clock. */
    private static final String CLOCK_HOURS = "most_active_hours";
    /** Dates the service writes from its clock: today's, and the days around it (a run may cross midnight UTC). */
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Set<String> CLOCK_DATES = Set.of(TODAY.toString(), TODAY.minusDays(1).toString(),
            TODAY.plusDays(1).toString());

    private final Map<String, String> aliases;
    private final Map<String, String> placeholders = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    /** A fresh numbering (one per golden file); {@code aliases} map known values to their names. */
    Normaliser(Map<String, String> aliases) {
        this.aliases = aliases;
    }

    /** A normalised copy of {@code node}: field names and values alike. */
    JsonNode normalise(JsonNode node) {
        return normalise(null, node);
    }

    private JsonNode normalise(String field, JsonNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isObject()) {
            ObjectNode out = f.objectNode();
            node.properties().forEach(e -> out.set(text(e.getKey()), normalise(e.getKey(), e.getValue())));
            return out;
        }
        if (CLOCK_HOURS.equals(field) && node.isArray()) {
            // [hour of day, count] pairs: the hour is the clock's when the scenario ran, the count is the contract.
            ArrayNode out = f.arrayNode();
            node.forEach(pair -> out.add(pair.isArray() && pair.size() == 2
                    ? f.arrayNode().add("<hour>").add(pair.get(1)) : normalise(field, pair)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = f.arrayNode();
            node.forEach(element -> out.add(normalise(field, element)));
            return out;
        }
        if (field != null && HASH_ORDERED.containsKey(field) && node.isValueNode()) {
            return f.textNode(HASH_ORDERED.get(field));
        }
        if (node.isTextual()) {
            return f.textNode(text(node.textValue()));
        }
        if (node.isNumber() && field != null && DURATION_FIELD.matcher(field).matches()) {
            return f.textNode("<duration>");
        }
        if (node.isIntegralNumber()) {
            long value = node.longValue();
            if (value >= SECONDS_FROM && value <= SECONDS_TO) {
                return f.textNode("<epoch-seconds>");
            }
            if (value >= MILLIS_FROM && value <= MILLIS_TO) {
                return f.textNode("<epoch-millis>");
            }
        }
        return node;
    }

    /** {@code text} with every volatile part replaced. */
    String text(String text) {
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            text = text.replace(alias.getKey(), alias.getValue());
        }
        Matcher m = VOLATILE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(placeholder(m)));
        }
        return m.appendTail(out).toString();
    }

    private String placeholder(Matcher m) {
        if (m.group("time") != null) {
            return "<time>";
        }
        if (m.group("date") != null) {
            return CLOCK_DATES.contains(m.group("date")) ? "<date>" : m.group("date");
        }
        for (Map.Entry<String, String> kind : KINDS.entrySet()) {
            String value = m.group(kind.getKey());
            if (value != null) {
                return placeholders.computeIfAbsent(value, v -> "<" + kind.getValue() + "-"
                        + counters.merge(kind.getValue(), 1, Integer::sum) + ">");
            }
        }
        throw new IllegalStateException("unmatched group in " + m.group());
    }
}
