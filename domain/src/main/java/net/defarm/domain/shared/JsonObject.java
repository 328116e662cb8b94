package net.defarm.domain.shared;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A JSON object; immutable, with keys kept in code-point order so that iteration, equality and the canonical
 * form never depend on insertion order (the reference hashed unsorted maps and lost proofs to it).
 */
public final class JsonObject implements JsonValue {

    /** Code-point order, which is the byte order of UTF-8 that the reference's sorted maps used. */
    public static final Comparator<String> KEY_ORDER = JsonObject::compareCodePoints;

    public static final JsonObject EMPTY = new JsonObject(new TreeMap<>(KEY_ORDER));

    private final TreeMap<String, JsonValue> members;

    private JsonObject(TreeMap<String, JsonValue> members) {
        this.members = members;
    }

    public static JsonObject of(Map<String, ? extends JsonValue> members) {
        TreeMap<String, JsonValue> copy = new TreeMap<>(KEY_ORDER);
        members.forEach((k, v) -> copy.put(k, v == null ? JsonNull.INSTANCE : v));
        return copy.isEmpty() ? EMPTY : new JsonObject(copy);
    }

    public static JsonObject of(String key, JsonValue value) {
        return of(Map.of(key, value));
    }

    public Map<String, JsonValue> members() {
        return Collections.unmodifiableMap(members);
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(members.keySet());
    }

    public Optional<JsonValue> get(String key) {
        return Optional.ofNullable(members.get(key));
    }

    public Optional<String> getString(String key) {
        return get(key).filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value());
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public int size() {
        return members.size();
    }

    /** A copy with {@code key} set (new values overwrite). */
    public JsonObject with(String key, JsonValue value) {
        TreeMap<String, JsonValue> copy = new TreeMap<>(members);
        copy.put(key, value == null ? JsonNull.INSTANCE : value);
        return new JsonObject(copy);
    }

    /** Shallow put-all: every member of {@code other} overwrites ours. */
    public JsonObject merge(JsonObject other) {
        if (other.isEmpty()) {
            return this;
        }
        TreeMap<String, JsonValue> copy = new TreeMap<>(members);
        copy.putAll(other.members);
        return new JsonObject(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject other && members.equals(other.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return toCanonicalJson();
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
