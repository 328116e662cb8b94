package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbRow;
import java.sql.SQLException;
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

    static String text(DbRow row, String column) {
        return row.column(column).get(String.class);
    }

    static long longValue(DbRow row, String column) {
        return ((Number) row.column(column).get(Object.class)).longValue();
    }

    static int intValue(DbRow row, String column) {
        return ((Number) row.column(column).get(Object.class)).intValue();
    }

    static boolean bool(DbRow row, String column) {
        return Boolean.TRUE.equals(row.column(column).get(Boolean.class));
    }

    static UUID uuid(DbRow row, String column) {
        return row.column(column).get(UUID.class);
    }

    static Instant instant(DbRow row, String column) {
        Timestamp ts = row.column(column).get(Timestamp.class);
        return ts == null ? null : ts.toInstant();
    }

    static String[] textArray(DbRow row, String column) {
        Object value = row.column(column).get(Object.class);
        if (value == null) {
            return null;
        }
        try {
            return (String[]) ((java.sql.Array) value).getArray();
        } catch (SQLException e) {
            throw new IllegalStateException("unreadable text[] column " + column, e);
        }
    }

    /** A timestamp parameter: timestamptz from an Instant, UTC. */
    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static JsonObject object(DbRow row, String column) {
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
