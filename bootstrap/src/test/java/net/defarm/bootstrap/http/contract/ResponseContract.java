package net.defarm.bootstrap.http.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.defarm.adapters.http.docs.ApiContract;

/**
 * Checks a response against the contract: the route and method are described, the status is one the operation
 * lists, and the body is what that response declares (JSON valid against its schema, JSON Schema 2020-12 as OpenAPI
 * 3.1 uses it; no body where none is declared). The HTTP tests' client runs it on every response it receives.
 */
public final class ResponseContract {

    /** Where the document's schemas are resolved from (a name only: the document is handed to the validator). */
    private static final String BASE = "https://defarm.invalid/openapi.json";
    /** Served beside the API by Helidon features (the contract itself, Swagger UI, health and metrics). */
    private static final List<String> OUTSIDE_THE_API = List.of("/openapi", "/docs", "/observe");

    public static final ResponseContract SERVED = new ResponseContract(ContractDocument.SERVED);

    private final ContractDocument contract;
    private final JsonSchemaFactory factory;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public ResponseContract(ContractDocument contract) {
        this.contract = contract;
        String json = ApiContract.json(contract.document());
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, json))));
    }

    /** Whether the path belongs to the API the contract describes (and not to documentation or observability). */
    public static boolean describes(String rawPath) {
        return OUTSIDE_THE_API.stream().noneMatch(p -> rawPath.equals(p) || rawPath.startsWith(p + "/"));
    }

    /** What does not fit the contract; empty when the response does. */
    public Optional<String> violation(String method, String rawPath, int status, String contentType, String body) {
        String route = method + " " + rawPath + " -> " + status + ": ";
        Optional<ContractDocument.Operation> found = contract.find(method, rawPath);
        if (found.isEmpty()) {
            return Optional.of(route + "no operation of the contract matches this method and path");
        }
        ContractDocument.Operation operation = found.get();
        JsonNode response = operation.node().path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            return Optional.of(route + "status not listed for " + operation.method().toUpperCase() + " "
                    + operation.template());
        }
        String pointer = operation.pointer() + "/responses/" + status;
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = contract.document().at(pointer);
        }
        Optional<String> media = jsonMediaType(response.path("content"));
        if (media.isEmpty()) {
            return body.isEmpty() ? Optional.empty() : Optional.of(route + "a body where the contract declares none");
        }
        if (contentType == null || !contentType.startsWith(media.get())) {
            return Optional.of(route + "Content-Type " + contentType + " where the contract declares " + media.get());
        }
        if (body.isEmpty()) {
            return Optional.of(route + "no body where the contract declares JSON");
        }
        String schemaPointer = pointer + "/content/" + media.get().replace("~", "~0").replace("/", "~1") + "/schema";
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer,
                p -> factory.getSchema(SchemaLocation.of(BASE + "#" + p)));
        var messages = schema.validate(body, com.networknt.schema.InputFormat.JSON);
        return messages.isEmpty() ? Optional.empty() : Optional.of(route + messages.stream()
                .map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")) + " in " + body);
    }

    /**
     * The JSON media type a response declares: {@code application/json}, or a JSON dialect such as
     * {@code application/ld+json} (the EPCIS export); empty when it declares no body.
     */
    private static Optional<String> jsonMediaType(JsonNode content) {
        return content.properties().stream().map(Map.Entry::getKey)
                .filter(m -> m.equals("application/json") || m.startsWith("application/") && m.endsWith("+json"))
                .findFirst();
    }
}
