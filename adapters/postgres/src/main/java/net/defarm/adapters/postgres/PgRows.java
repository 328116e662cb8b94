package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.defarm.adapters.json.DomainJsonModule;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.IdentifierType;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/** Column reading and JSON (jsonb) encoding shared by the PostgreSQL repositories. */
final class PgRows {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new DomainJsonModule())
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private PgRows() {
    }

    static String text(PgRow row, String column) {
        return row.text(column);
    }

    static long longValue(PgRow row, String column) {
        return ((Number) row.value(column)).longValue();
    }

    static int intValue(PgRow row, String column) {
        return ((Number) row.value(column)).intValue();
    }

    static double doubleValue(PgRow row, String column) {
        return ((Number) row.value(column)).doubleValue();
    }

    static boolean bool(PgRow row, String column) {
        return Boolean.TRUE.equals(row.value(column));
    }

    static UUID uuid(PgRow row, String column) {
        Object value = row.value(column);
        return value == null || value instanceof UUID ? (UUID) value : UUID.fromString(value.toString());
    }

    static Instant instant(PgRow row, String column) {
        Timestamp ts = (Timestamp) row.value(column);
        return ts == null ? null : ts.toInstant();
    }

    /** A text[] column (the row holds the array's elements, copied out of the driver). */
    static String[] textArray(PgRow row, String column) {
        return (String[]) row.value(column);
    }

    /** A timestamp parameter: timestamptz from an Instant, UTC. */
    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static JsonObject object(PgRow row, String column) {
        String json = text(row, column);
        return json == null ? null : (JsonObject) parse(json);
    }

    static JsonValue parse(String json) {
        try {
            return DomainJsonModule.fromNode(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON from the database", e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON from the database", e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value cannot be written as JSON", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON from the database", e);
        }
    }

    /** Identifiers as stored in JSON documents (pending items): one object per identifier. */
    record IdentifierDoc(String namespace, String key, String value, String idType, String registry,
                         Boolean verified, String verificationDate, String scope) {

        static IdentifierDoc of(Identifier id) {
            return switch (id.type()) {
                case IdentifierType.Canonical c -> new IdentifierDoc(id.namespace(), id.key(), id.value(), "Canonical",
                        c.registry(), c.verified(), c.verificationDate() == null ? null
                        : c.verificationDate().toString(), null);
                case IdentifierType.Contextual c -> new IdentifierDoc(id.namespace(), id.key(), id.value(),
                        "Contextual", null, null, null, c.scope());
            };
        }

        Identifier toDomain() {
            return new Identifier(namespace, key, value, type(idType, registry, verified,
                    verificationDate == null ? null : OffsetDateTime.parse(verificationDate).toInstant(), scope));
        }
    }

    static IdentifierType type(String idType, String registry, Boolean verified, Instant verificationDate,
                               String scope) {
        return switch (idType) {
            case "Canonical" -> new IdentifierType.Canonical(registry, Boolean.TRUE.equals(verified), verificationDate);
            case "Contextual" -> new IdentifierType.Contextual(scope);
            default -> throw new IllegalStateException("unknown identifier type in the database: " + idType);
        };
    }

    static String identifiersJson(List<Identifier> identifiers) {
        return json(identifiers.stream().map(IdentifierDoc::of).toList());
    }

    static List<Identifier> identifiersFromJson(String json) {
        List<IdentifierDoc> docs = read(json, new TypeReference<>() { });
        List<Identifier> ids = new ArrayList<>(docs.size());
        docs.forEach(d -> ids.add(d.toDomain()));
        return ids;
    }
}
