package net.defarm.adapters.http.support;

import io.helidon.webserver.http.ServerRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import net.defarm.domain.shared.InvalidInputException;

/** Reading path and query parameters with clear 400s instead of parse exceptions. */
public final class Requests {

    private Requests() {
    }

    /** Earliest and latest instants a query may name: years 1 to 9999, what every store can hold. */
    static final long MIN_EPOCH_SECOND = -62_135_596_800L;
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    /** A path parameter (decoded); NUL is refused here since no store can keep it. */
    public static String path(ServerRequest req, String name) {
        return noNul(req.path().pathParameters().get(name), "path parameter " + name);
    }

    public static UUID uuidPath(ServerRequest req, String name, String what) {
        return uuid(path(req, name), what);
    }

    public static UUID uuid(String value, String what) {
        try {
            if (value == null || value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("INVALID_ID", "Invalid " + what + " format");
        }
    }

    /** A query parameter (decoded), absent when empty; NUL is refused here since no store can keep it. */
    public static Optional<String> query(ServerRequest req, String name) {
        return req.query().first(name).asOptional().filter(s -> !s.isEmpty())
                .map(v -> noNul(v, "query parameter " + name));
    }

    /** A Unix time in seconds as an instant, refused (400 naming the parameter) outside the years 1 to 9999. */
    public static Optional<Instant> epochSecondsQuery(ServerRequest req, String name) {
        return epochSecondsQuery(req, name, MIN_EPOCH_SECOND);
    }

    /** As {@link #epochSecondsQuery(ServerRequest, String)}, with a later lower bound (0: not before 1970). */
    public static Optional<Instant> epochSecondsQuery(ServerRequest req, String name, long min) {
        return longQuery(req, name).map(s -> {
            if (s < min || s > MAX_EPOCH_SECOND) {
                throw new InvalidInputException("INVALID_QUERY", name + " must be a Unix time in seconds between "
                        + min + " and " + MAX_EPOCH_SECOND);
            }
            return Instant.ofEpochSecond(s);
        });
    }

    /**
     * An RFC 3339 timestamp from a body, empty when it does not parse or lies outside the years 1 to 9999 (what every
     * store can hold; PostgreSQL refuses the far years {@link OffsetDateTime} accepts).
     */
    public static Optional<Instant> rfc3339(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            long seconds = instant.getEpochSecond();
            return seconds < MIN_EPOCH_SECOND || seconds > MAX_EPOCH_SECOND ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String noNul(String value, String what) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new InvalidInputException("INVALID_PARAMETER", what + " must not contain a NUL character");
        }
        return value;
    }

    public static Optional<Long> longQuery(ServerRequest req, String name) {
        return query(req, name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("INVALID_QUERY", name + " must be an integer");
            }
        });
    }

    public static Optional<Integer> intQuery(ServerRequest req, String name) {
        return longQuery(req, name).map(v -> {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new InvalidInputException("INVALID_QUERY", name + " is out of range");
            }
            return v.intValue();
        });
    }

    public static boolean boolQuery(ServerRequest req, String name, boolean defaultValue) {
        return query(req, name).map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidInputException("INVALID_QUERY", name + " must be true or false");
        }).orElse(defaultValue);
    }

    /** A required body field. */
    public static <T> T required(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidInputException("MISSING_FIELD", field + " is required");
        }
        return value;
    }
}
