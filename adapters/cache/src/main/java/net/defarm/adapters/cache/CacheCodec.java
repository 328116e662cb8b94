package net.defarm.adapters.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import net.defarm.adapters.json.RecordJson;

/**
 * How cached values are written to Redis: {@code v1|<json>} for a value, {@code v1|-} for "known not to exist".
 * The JSON is {@link RecordJson}'s (the records' own fields, no class names from the wire), so only the types a
 * region declares can be read back; anything that does not decode (an older shape, a corrupted entry) is a miss.
 */
final class CacheCodec {

    private static final String VERSION = "v1|";
    private static final String ABSENT = VERSION + "-";

    private final ObjectMapper mapper = RecordJson.mapper();

    JavaType type(Class<?> raw, Class<?>... parameters) {
        return parameters.length == 0 ? mapper.constructType(raw)
                : mapper.getTypeFactory().constructParametricType(raw, parameters);
    }

    <V> String encode(Optional<V> value) {
        if (value.isEmpty()) {
            return ABSENT;
        }
        try {
            return VERSION + mapper.writeValueAsString(value.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cached value could not be encoded: " + e.getOriginalMessage(), e);
        }
    }

    /** The decoded entry, or empty when it cannot be read (then it is treated as a miss). */
    <V> Optional<Optional<V>> decode(String raw, JavaType type) {
        if (ABSENT.equals(raw)) {
            return Optional.of(Optional.empty());
        }
        if (raw == null || !raw.startsWith(VERSION)) {
            return Optional.empty();
        }
        try {
            V value = mapper.readValue(raw.substring(VERSION.length()), type);
            return value == null ? Optional.empty() : Optional.of(Optional.of(value));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
