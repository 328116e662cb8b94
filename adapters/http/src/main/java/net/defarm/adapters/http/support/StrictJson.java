package net.defarm.adapters.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import net.defarm.domain.shared.InvalidInputException;

/**
 * The checks Jackson does not make on its own: the body is well-formed UTF-8 (no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF, no truncated sequence), and no text in the parsed tree (values or field names)
 * holds a lone surrogate or a NUL, which PostgreSQL cannot store and which would come back altered.
 */
final class StrictJson {

    private StrictJson() {
    }

    /** Refuses a body that is not valid UTF-8 (the decoder reports instead of replacing). */
    static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("INVALID_JSON", "The request body is not valid UTF-8");
        }
    }

    /** Walks the tree and refuses text that cannot be stored and read back unchanged, or a number out of range. */
    static void requireStorable(JsonNode node) {
        check(node, "");
    }

    private static void check(JsonNode node, String path) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                requireText(field.getKey(), "field name " + quoted(child));
                check(field.getValue(), child);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isTextual()) {
            requireText(node.textValue(), quoted(path));
        } else if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            throw new InvalidInputException("INVALID_FIELD", quoted(path) + " is a number out of range");
        }
    }

    private static void requireText(String text, String where) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new InvalidInputException("INVALID_FIELD", where + " must not contain a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException("INVALID_FIELD", where + " contains an unpaired surrogate escape");
            }
        }
    }

    /** A field path as messages show it: {@code 'a.b[0]'}, or "the body" for the root. */
    static String quoted(String path) {
        return path.isEmpty() ? "the body" : "'" + sanitize(path) + "'";
    }

    /** Keeps control characters of a client-chosen field name out of messages. */
    private static String sanitize(String path) {
        StringBuilder out = new StringBuilder(Math.min(path.length(), 200));
        path.codePoints().limit(200).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
