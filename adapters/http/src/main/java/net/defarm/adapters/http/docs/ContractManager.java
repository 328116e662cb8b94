package net.defarm.adapters.http.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.openapi.OpenApiFormat;
import io.helidon.openapi.OpenApiManager;

/**
 * Helidon's OpenAPI feature reads the root file; this manager turns it into the served document (the root with its
 * parts, see {@link ApiContract}) and writes it as JSON or YAML, whichever the client asked for.
 */
final class ContractManager implements OpenApiManager<JsonNode> {

    @Override
    public String name() {
        return "defarm-contract";
    }

    @Override
    public String type() {
        return "defarm-contract";
    }

    @Override
    public JsonNode load(String content) {
        return ApiContract.assemble(content);
    }

    @Override
    public String format(JsonNode model, OpenApiFormat format) {
        return format == OpenApiFormat.JSON ? ApiContract.json(model) : ApiContract.yaml(model);
    }
}
