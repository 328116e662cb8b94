package net.defarm.domain.shared;

import java.util.Iterator;
import java.util.Map;

/**
 * The one canonical serializer used for every hash: compact, keys sorted at every level, strings escaping only
 * quote, backslash and control characters (short forms such as backslash-n, otherwise lowercase backslash-u00xx),
 * non-ASCII written as is. This matches the reference's JSON writer byte for byte, which keeps its hashes.
 */
public final class CanonicalJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonValue value) {
        switch (value) {
            case JsonNull n -> out.append("null");
            case JsonBoolean b -> out.append(b.value());
            case JsonNumber n -> out.append(n.canonical());
            case JsonString s -> appendString(out, s.value());
            case JsonArray a -> {
                out.append('[');
                for (int i = 0; i < a.values().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, a.values().get(i));
                }
                out.append(']');
            }
            case JsonObject o -> {
                out.append('{');
                Iterator<Map.Entry<String, JsonValue>> it = o.members().entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonValue> e = it.next();
                    appendString(out, e.getKey());
                    out.append(':');
                    append(out, e.getValue());
                    if (it.hasNext()) {
                        out.append(',');
                    }
                }
                out.append('}');
            }
        }
    }

    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
