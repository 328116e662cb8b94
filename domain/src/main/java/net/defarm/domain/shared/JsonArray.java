package net.defarm.domain.shared;

import java.util.List;

/** A JSON array; immutable. */
public record JsonArray(List<JsonValue> values) implements JsonValue {

    public static final JsonArray EMPTY = new JsonArray(List.of());

    public JsonArray {
        values = List.copyOf(values);
    }

    public static JsonArray of(JsonValue... values) {
        return new JsonArray(List.of(values));
    }

    public boolean contains(JsonValue value) {
        return values.contains(value);
    }
}
