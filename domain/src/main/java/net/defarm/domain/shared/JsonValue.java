package net.defarm.domain.shared;

/**
 * A JSON value as the domain sees it: free-form item attributes and event metadata.
 * The domain never parses text (adapters do); it only builds values and writes them canonically for hashing.
 */
public sealed interface JsonValue permits JsonNull, JsonBoolean, JsonNumber, JsonString, JsonArray, JsonObject {

    /** Compact JSON with object keys sorted by code point, as used inside every hash. */
    default String toCanonicalJson() {
        return CanonicalJson.write(this);
    }

    static JsonValue of(String s) {
        return s == null ? JsonNull.INSTANCE : new JsonString(s);
    }

    static JsonValue of(long n) {
        return JsonNumber.of(n);
    }

    static JsonValue of(boolean b) {
        return JsonBoolean.of(b);
    }
}
