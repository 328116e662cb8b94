package net.defarm.domain.epcis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonNumber;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonString;
import net.defarm.domain.shared.JsonValue;

/** Builds domain JSON values in tests (the domain never parses text): strings, longs and values as they are. */
final class JsonFixtures {

    private JsonFixtures() {
    }

    /** An object from alternating keys and values. */
    static JsonObject obj(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            members.put((String) keysAndValues[i], value(keysAndValues[i + 1]));
        }
        return JsonObject.of(members);
    }

    static JsonArray arr(Object... values) {
        List<JsonValue> list = new ArrayList<>();
        for (Object v : values) {
            list.add(value(v));
        }
        return new JsonArray(list);
    }

    /** A number exactly as written (e.g. {@code 412.50}, to show that trailing zeros do not count). */
    static JsonNumber num(String text) {
        return new JsonNumber(text);
    }

    private static JsonValue value(Object v) {
        return switch (v) {
            case JsonValue j -> j;
            case String s -> new JsonString(s);
            case Long n -> JsonNumber.of(n);
            case Integer n -> JsonNumber.of(n);
            default -> throw new IllegalArgumentException("no JSON value for " + v.getClass().getSimpleName());
        };
    }
}
