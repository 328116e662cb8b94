package net.defarm.adapters.http.support;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import net.defarm.adapters.json.DomainJsonModule;
import net.defarm.domain.shared.InvalidInputException;

/**
 * The bridge between HTTP bodies and Java records: snake_case names, unknown fields ignored, the body size limit
 * and content type enforced here (so refusals are JSON, not the server's empty 413), and parsing strict: valid
 * UTF-8, one JSON value and nothing after it, no scalar coercion, no nulls inside typed lists, bounded nesting.
 * Every parse failure is a 400 whose message names the field and the JSON type expected, never a Java type.
 */
public final class HttpJson {

    /** Largest accepted request body (2 MiB, the reference's limit). */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    /** Deepest accepted nesting of arrays and objects. */
    public static final int MAX_NESTING = 200;

    private final ObjectMapper mapper;

    public HttpJson() {
        // Deeply nested bodies are refused by the parser instead of exhausting the stack.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // A null inside a list of ids or names is refused where it is read, with its path.
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .addModule(new DomainJsonModule());
        refuse(builder, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(builder, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(builder, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(builder, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer,
                CoercionInputShape.Float);
        this.mapper = builder.build();
    }

    /** No scalar becomes another: a number is not a string, a string not a number or a boolean, and so on. */
    private static void refuse(JsonMapper.Builder builder, LogicalType type, CoercionInputShape... shapes) {
        builder.withCoercionConfig(type, c -> {
            for (CoercionInputShape shape : shapes) {
                c.setCoercion(shape, CoercionAction.Fail);
            }
        });
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Reads the body as {@code type}: JSON content type required (415), at most 2 MiB (413), valid JSON (400). */
    public <T> T read(ServerRequest req, Class<T> type) {
        JsonNode tree = readTree(req);
        if (!tree.isObject()) {
            throw new InvalidInputException("INVALID_JSON", "The request body must be a JSON object");
        }
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw JsonErrors.mapping(e);
        }
    }

    /** The body as a tree, after every strictness check of this class. */
    public JsonNode readTree(ServerRequest req) {
        return readTree(req, MediaTypes.APPLICATION_JSON);
    }

    /** As {@link #readTree(ServerRequest)}, accepting any of these content types (JSON-LD, say) instead. */
    public JsonNode readTree(ServerRequest req, MediaType... accepted) {
        requireContentType(req, accepted);
        byte[] body = readBounded(req);
        if (body.length == 0) {
            throw new InvalidInputException("INVALID_JSON", "A JSON body is required");
        }
        StrictJson.requireUtf8(body);
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonErrors.syntax(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidInputException("INVALID_JSON", "A JSON body is required");
        }
        StrictJson.requireStorable(tree);
        return tree;
    }

    public void send(ServerResponse res, Status status, Object body) {
        send(res, status, body, "application/json");
    }

    private void send(ServerResponse res, Status status, Object body, String contentType) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be serialized", e);
        }
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        res.send(bytes);
    }

    public void ok(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    /** A 200 with a JSON body declared as {@code contentType} (application/ld+json, say). */
    public void ok(ServerResponse res, Object body, String contentType) {
        send(res, Status.OK_200, body, contentType);
    }

    private static void requireContentType(ServerRequest req, MediaType... accepted) {
        Optional<HttpMediaType> type = req.headers().contentType();
        if (type.isEmpty() || Arrays.stream(accepted).noneMatch(type.get()::test)) {
            throw new UnsupportedMediaTypeException();
        }
    }

    /**
     * The body, at most {@link #MAX_BODY_BYTES}. An oversized body is read to its end and discarded before the 413
     * is sent, so the client (still uploading) receives the answer instead of a broken pipe; the server's payload
     * limit (a larger hard backstop) bounds that work.
     */
    private static byte[] readBounded(ServerRequest req) {
        OptionalLong declared = req.headers().contentLength();
        try (InputStream in = req.content().inputStream()) {
            if (declared.isPresent() && declared.getAsLong() > MAX_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                throw new PayloadTooLargeException();
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                throw new PayloadTooLargeException();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body is not declared as JSON (415). */
    public static final class UnsupportedMediaTypeException extends RuntimeException {
        UnsupportedMediaTypeException() {
            super("Expected request with Content-Type: application/json", null, false, false);
        }
    }

    /** The body exceeds the limit (413). */
    public static final class PayloadTooLargeException extends RuntimeException {
        PayloadTooLargeException() {
            super("The request body exceeds " + MAX_BODY_BYTES + " bytes", null, false, false);
        }
    }
}
