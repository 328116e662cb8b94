package net.defarm.adapters.http.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.defarm.domain.shared.DomainException;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonValue;

/**
 * Jackson's failures in the API's words: the field path and the JSON type expected (string, number, integer,
 * boolean, array, object). Jackson's own messages name Java types and its configuration, so they are shown only
 * when they name neither.
 */
final class JsonErrors {

    /** What a message must never contain: Java types, packages, Jackson's settings. */
    private static final Pattern JAVA_WORDS = Pattern.compile(
            "java\\.|javax\\.|com\\.fasterxml|net\\.defarm|Exception|`|\\(expected [A-Z]|Constraints|Feature");

    private JsonErrors() {
    }

    /** A body that is not one well-formed JSON value. */
    static InvalidInputException syntax(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return constraint(e);
        }
        if (e instanceof MismatchedInputException m && m.getOriginalMessage().startsWith("Trailing token")) {
            return new InvalidInputException("INVALID_JSON", "Unexpected data after the JSON value" + at(e));
        }
        String reason = e.getOriginalMessage();
        return new InvalidInputException("INVALID_JSON", "Malformed JSON" + at(e)
                + (reason == null || JAVA_WORDS.matcher(reason).find() ? "" : ": " + firstLine(reason)));
    }

    /** A well-formed body whose values do not fit the fields they are meant for. */
    static RuntimeException mapping(Exception e) {
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof DomainException d) {
            return d;
        }
        if (e instanceof StreamConstraintsException) {
            return constraint((JsonProcessingException) e);
        }
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "the body";
        if (e instanceof InvalidNullException) {
            return invalid(path + " must not be null");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return invalid("Invalid value for " + path + ": expected " + article(jsonType(m.getTargetType())));
        }
        if (e instanceof InputCoercionException c) {
            return invalid("A number in the body is out of range for " + article(jsonType(c.getTargetType())));
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof InputCoercionException c) {
            return invalid("Invalid value for " + path + ": out of range for " + article(jsonType(c.getTargetType())));
        }
        return invalid("Invalid value for " + path);
    }

    private static InvalidInputException constraint(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting")) {
            return new InvalidInputException("INVALID_JSON", "The request body nests arrays and objects deeper than "
                    + HttpJson.MAX_NESTING + " levels");
        }
        return new InvalidInputException("INVALID_JSON", "A number, string or name in the body is too long" + at(e));
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("INVALID_FIELD", message);
    }

    /** The JSON type a Java target type is read from. */
    static String jsonType(Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()
                || type == java.util.UUID.class || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == BigInteger.class) {
            return "integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (JsonValue.class.isAssignableFrom(type) && !type.getSimpleName().equals("JsonObject")) {
            return "JSON value";
        }
        return "object";
    }

    private static String article(String type) {
        return (type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ") + type;
    }

    /** {@code 'a.b[0]'} from Jackson's reference path. */
    static String path(List<JsonMappingException.Reference> references) {
        String path = references.stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return StrictJson.quoted(path.startsWith(".") ? path.substring(1) : path);
    }

    private static String at(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String reason) {
        int end = reason.indexOf('\n');
        return end < 0 ? reason : reason.substring(0, end);
    }
}
