package net.defarm.adapters.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import net.defarm.domain.items.IdentifierType;

/**
 * Domain records as JSON, field by field: how the cache stores values in Redis and how {@code export} writes
 * records. Only record fields are written (no getters), instants as ISO-8601 text, the sealed identifier type with
 * a small type tag; reading back goes through the records' constructors, so their checks apply, and an unknown
 * or missing field is an error rather than a silent default.
 */
public final class RecordJson {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = IdentifierType.Canonical.class, name = "canonical"),
            @JsonSubTypes.Type(value = IdentifierType.Contextual.class, name = "contextual")})
    private interface IdentifierTypeMixin {
    }

    private RecordJson() {
    }

    /** Writes a set's elements sorted by their text, whatever the set's own iteration order. */
    @SuppressWarnings("rawtypes")
    private static final class SortedSetSerializer extends StdSerializer<Set> {
        SortedSetSerializer() {
            super(Set.class);
        }

        @Override
        public void serialize(Set set, JsonGenerator gen, SerializerProvider provider) throws IOException {
            List<Object> sorted = new ArrayList<>(set);
            sorted.sort(Comparator.comparing(String::valueOf));
            gen.writeStartArray();
            for (Object element : sorted) {
                provider.defaultSerializeValue(element, gen);
            }
            gen.writeEndArray();
        }
    }

    /** A new mapper (thread-safe once built; build one per component and keep it). */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new DomainJsonModule())
                .addMixIn(IdentifierType.class, IdentifierTypeMixin.class)
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .addModule(new SimpleModule("defarm-sorted-sets").addSerializer(Set.class, new SortedSetSerializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Maps and sets come out in one order on every run, so equal records are equal text (checksums).
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }
}
