package net.defarm.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonBoolean;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonNumber;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonString;
import net.defarm.domain.shared.JsonValue;

/**
 * Lets Jackson read and write the domain's JSON values, so adapters can put {@link JsonObject} fields straight into
 * their DTOs. Numbers keep their canonical text; objects come out in the domain's sorted key order.
 */
public final class DomainJsonModule extends SimpleModule {

    public DomainJsonModule() {
        super("defarm-domain-json");
        addSerializer(JsonValue.class, new ValueSerializer());
        addDeserializer(JsonValue.class, new ValueDeserializer());
        addDeserializer(JsonObject.class, new ObjectDeserializer());
    }

    /** Converts a Jackson tree to a domain value. */
    public static JsonValue fromNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonNull.INSTANCE;
        }
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            node.properties().forEach(e -> members.put(e.getKey(), fromNode(e.getValue())));
            return JsonObject.of(members);
        }
        if (node.isArray()) {
            List<JsonValue> values = new ArrayList<>(node.size());
            node.forEach(v -> values.add(fromNode(v)));
            return new JsonArray(values);
        }
        if (node.isTextual()) {
            return new JsonString(node.textValue());
        }
        if (node.isBoolean()) {
            return JsonBoolean.of(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return JsonNumber.of(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return JsonNumber.of(node.doubleValue());
        }
        throw new IllegalArgumentException("unsupported JSON node: " + node.getNodeType());
    }

    static void write(JsonValue value, JsonGenerator gen) throws IOException {
        switch (value) {
            case JsonNull n -> gen.writeNull();
            case JsonBoolean b -> gen.writeBoolean(b.value());
            case JsonNumber n -> gen.writeNumber(n.canonical());
            case JsonString s -> gen.writeString(s.value());
            case JsonArray a -> {
                gen.writeStartArray();
                for (JsonValue v : a.values()) {
                    write(v, gen);
                }
                gen.writeEndArray();
            }
            case JsonObject o -> {
                gen.writeStartObject();
                for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                    gen.writeFieldName(e.getKey());
                    write(e.getValue(), gen);
                }
                gen.writeEndObject();
            }
        }
    }

    private static final class ValueSerializer extends JsonSerializer<JsonValue> {
        @Override
        public void serialize(JsonValue value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            write(value, gen);
        }
    }

    private static final class ValueDeserializer extends JsonDeserializer<JsonValue> {
        @Override
        public JsonValue deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return fromNode(ctxt.readTree(p));
        }

        @Override
        public JsonValue getNullValue(DeserializationContext ctxt) {
            return JsonNull.INSTANCE;
        }
    }

    private static final class ObjectDeserializer extends JsonDeserializer<JsonObject> {
        @Override
        public JsonObject deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            if (!node.isObject()) {
                throw MismatchedInputException.from(p, JsonObject.class, "expected a JSON object");
            }
            return (JsonObject) fromNode(node);
        }
    }
}
