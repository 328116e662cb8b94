package net.defarm.adapters.http.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import net.defarm.adapters.json.DomainJsonModule;
import net.defarm.domain.shared.InvalidInputException;

/**
 * The bridge between HTTP bodies and Java records: snake_case names, unknown fields ignored, the body size limit
 * and content type enforced here (so refusals are JSON, not the server's empty 413), and every parse failure a 400.
 */
public final class HttpJson {

    /** Largest accepted request body (2 MiB, the reference's limit). */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private final ObjectMapper mapper;

    public HttpJson() {
        this.mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addModule(new DomainJsonModule())
                .build();
        // Deeply nested bodies are refused by the parser instead of exhausting the stack.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
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
        } catch (InvalidFormatException e) {
            throw new InvalidInputException("INVALID_FIELD", "Invalid value for " + fieldPath(e) + ": "
                    + e.getValue());
        } catch (MismatchedInputException e) {
            throw new InvalidInputException("INVALID_FIELD", "Invalid or missing value for " + fieldPath(e)
                    + " (expected " + e.getTargetType().getSimpleName() + ")");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("INVALID_JSON", "The request body could not be read: "
                    + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("INVALID_FIELD", "Invalid request body: " + e.getMessage());
        }
    }

    public JsonNode readTree(ServerRequest req) {
        requireJsonContentType(req);
        byte[] body = readBounded(req);
        if (body.length == 0) {
            throw new InvalidInputException("INVALID_JSON", "A JSON body is required");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("INVALID_JSON", "Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(ServerResponse res, Status status, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be serialized", e);
        }
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(bytes);
    }

    public void ok(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    private static void requireJsonContentType(ServerRequest req) {
        Optional<HttpMediaType> type = req.headers().contentType();
        if (type.isEmpty() || !type.get().test(MediaTypes.APPLICATION_JSON)) {
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

    private static String fieldPath(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the body" : "'" + path.replace(".[", "[") + "'";
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
