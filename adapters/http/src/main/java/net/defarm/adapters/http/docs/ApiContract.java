package net.defarm.adapters.http.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP contract: the hand-written OpenAPI root ({@value #ROOT}) with the parts it lists under
 * {@code x-defarm-parts} merged in (one per bounded context, so adding a route is an edit of its context's part), and
 * the shared error responses of {@code x-defarm-common-responses} added to every operation that does not describe
 * those statuses itself. A path or component described twice is an error, not a silent override.
 */
public final class ApiContract {

    /** The root document on the classpath (Helidon's default location for a static OpenAPI file). */
    public static final String ROOT = "META-INF/openapi.yaml";
    static final String PARTS = "x-defarm-parts";
    static final String COMMON = "x-defarm-common-responses";
    /** The HTTP methods an OpenAPI path item can hold. */
    public static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private static final YAMLMapper YAML = new YAMLMapper();

    private ApiContract() {
    }

    /** The assembled document, read from the classpath. */
    public static ObjectNode load() {
        return assemble(resource(ROOT));
    }

    /** The assembled document from the root's text (its parts are read from the classpath, beside the root). */
    public static ObjectNode assemble(String rootYaml) {
        ObjectNode root = (ObjectNode) parse(rootYaml, ROOT);
        JsonNode parts = root.remove(PARTS);
        JsonNode common = root.remove(COMMON);
        ObjectNode paths = root.withObject("/paths");
        ObjectNode components = root.withObject("/components");
        if (parts != null) {
            for (JsonNode name : parts) {
                String location = "META-INF/" + name.asText();
                merge(location, (ObjectNode) parse(resource(location), location), paths, components);
            }
        }
        if (common != null) {
            addCommonResponses(root, common);
        }
        return root;
    }

    private static void merge(String location, ObjectNode part, ObjectNode paths, ObjectNode components) {
        for (Map.Entry<String, JsonNode> field : part.properties()) {
            switch (field.getKey()) {
                case "paths" -> putAll(location, "path", field.getValue(), paths);
                case "components" -> field.getValue().properties().forEach(section ->
                        putAll(location, "components." + section.getKey(), section.getValue(),
                                components.withObject("/" + section.getKey())));
                default -> throw new IllegalStateException(location + ": a part holds only paths and components, not "
                        + field.getKey());
            }
        }
    }

    private static void putAll(String location, String what, JsonNode from, ObjectNode into) {
        from.properties().forEach(e -> {
            if (into.has(e.getKey())) {
                throw new IllegalStateException(location + ": " + what + " " + e.getKey() + " is described twice");
            }
            into.set(e.getKey(), e.getValue());
        });
    }

    /** Adds the shared responses each operation can give: see the root's {@code x-defarm-common-responses}. */
    private static void addCommonResponses(ObjectNode root, JsonNode common) {
        Set<String> kinds = Set.of("every", "secured", "with-body", "with-path-parameters");
        for (Iterator<String> names = common.fieldNames(); names.hasNext(); ) {
            String kind = names.next();
            if (!kinds.contains(kind)) {
                throw new IllegalStateException(ROOT + ": unknown kind of common responses " + kind);
            }
        }
        root.path("paths").properties().forEach(path -> {
            for (String method : METHODS) {
                if (path.getValue().get(method) instanceof ObjectNode operation) {
                    ObjectNode responses = operation.withObject("/responses");
                    add(responses, common.path("every"));
                    if (isSecured(operation)) {
                        add(responses, common.path("secured"));
                    }
                    if (operation.has("requestBody")) {
                        add(responses, common.path("with-body"));
                    }
                    if (path.getKey().contains("{")) {
                        add(responses, common.path("with-path-parameters"));
                    }
                }
            }
        });
    }

    /** Secured unless the operation declares {@code security: []} (the document's default requires credentials). */
    public static boolean isSecured(JsonNode operation) {
        JsonNode security = operation.get("security");
        return security == null || !security.isEmpty();
    }

    private static void add(ObjectNode responses, JsonNode statuses) {
        statuses.properties().forEach(e -> {
            if (!responses.has(e.getKey())) {
                responses.putObject(e.getKey()).put("$ref", "#/components/responses/" + e.getValue().asText());
            }
        });
    }

    /** The document as JSON text. */
    public static String json(JsonNode document) {
        return write(new ObjectMapper(), document);
    }

    /** The document as YAML text. */
    public static String yaml(JsonNode document) {
        return write(YAML, document);
    }

    private static String write(ObjectMapper mapper, JsonNode document) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document could not be written", e);
        }
    }

    private static JsonNode parse(String yaml, String location) {
        try {
            JsonNode node = YAML.readTree(yaml);
            if (!(node instanceof ObjectNode)) {
                throw new IllegalStateException(location + " is not a YAML mapping");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(location + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static String resource(String location) {
        try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("missing OpenAPI resource " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
