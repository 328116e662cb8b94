package net.defarm.domain.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonBoolean;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonNumber;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonString;
import net.defarm.domain.shared.JsonValue;

/** Test resources read into domain JSON values (the domain itself never parses text). */
final class JsonFixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFixtures() {
    }

    static JsonObject object(String json) {
        try {
            return (JsonObject) value(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = JsonFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonValue value(JsonNode n) {
        if (n.isObject()) {
            Map<String, JsonValue> members = new TreeMap<>();
            n.properties().forEach(e -> members.put(e.getKey(), value(e.getValue())));
            return JsonObject.of(members);
        }
        if (n.isArray()) {
            List<JsonValue> values = new ArrayList<>();
            n.forEach(v -> values.add(value(v)));
            return new JsonArray(values);
        }
        if (n.isTextual()) {
            return new JsonString(n.textValue());
        }
        if (n.isNumber()) {
            return new JsonNumber(n.asText());
        }
        if (n.isBoolean()) {
            return JsonBoolean.of(n.booleanValue());
        }
        return JsonNull.INSTANCE;
    }
}
