package net.defarm.application.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import net.defarm.domain.shared.InvalidInputException;

/**
 * Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded with a kind tag so that a
 * cursor from one list is refused by another. Keyset (not offset) paging keeps deep pages as cheap as the first.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001F';

    private Cursor() {
    }

    public static String encode(String kind, String... parts) {
        String joined = kind + SEPARATOR + String.join(String.valueOf(SEPARATOR), parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor of this kind, or a 400 if it is not one (or could not have been issued). */
    public static List<String> decode(String kind, String cursor, int expectedParts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            // No cursor we issue holds NUL; a forged one would reach the store, and PostgreSQL refuses NUL.
            if (text.indexOf('\0') >= 0) {
                throw invalid();
            }
            List<String> parts = Arrays.asList(text.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != expectedParts + 1 || !parts.getFirst().equals(kind)) {
                throw invalid();
            }
            return parts.subList(1, parts.size());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static String micros(Instant instant) {
        return Long.toString(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
    }

    public static Instant instantFromMicros(String micros) {
        try {
            long value = Long.parseLong(micros);
            return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** A UUID part of a decoded cursor, or the same 400 as any other forged cursor. */
    public static java.util.UUID uuid(String part) {
        try {
            return java.util.UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("INVALID_CURSOR", "The cursor is not valid for this list; "
                + "use the cursor returned by the previous page");
    }
}
