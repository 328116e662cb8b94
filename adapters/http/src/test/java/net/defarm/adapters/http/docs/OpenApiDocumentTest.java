package net.defarm.adapters.http.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The assembled contract is a valid OpenAPI 3.1 document for a real parser, and every reference resolves. */
class OpenApiDocumentTest {

    private static final Pattern REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/([^\"]+)\"");

    private static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readContents(json, null, options);
    }

    @Test
    void theParserReadsTheAssembledDocumentWithoutAnyMessage() {
        SwaggerParseResult result = parse(ApiContract.json(ApiContract.load()));
        assertEquals(List.of(), result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        assertEquals("3.1.0", api.getOpenapi());
        assertTrue(api.getPaths().size() > 60, "paths: " + api.getPaths().size());
        assertTrue(api.getComponents().getSecuritySchemes().keySet()
                .containsAll(List.of("bearerJwt", "apiKeyHeader", "bearerApiKey")));
        assertEquals("X-API-Key", api.getComponents().getSecuritySchemes().get("apiKeyHeader").getName());
    }

    @Test
    void theParserReportsABrokenDocument() {
        ObjectNode broken = ApiContract.load();
        broken.withObject("/paths").withObject("/api/broken").putObject("get").put("responses", "none");
        assertFalse(parse(ApiContract.json(broken)).getMessages().isEmpty(), "a real parser must refuse it");
    }

    @Test
    void everyLocalReferenceResolves() {
        JsonNode document = ApiContract.load();
        List<String> dangling = new ArrayList<>();
        Matcher m = REF.matcher(ApiContract.json(document));
        while (m.find()) {
            if (document.at("/" + m.group(1)).isMissingNode()) {
                dangling.add(m.group(1));
            }
        }
        assertEquals(List.of(), dangling);
    }

    @Test
    void assemblyDirectivesAreNotServedAndCommonResponsesAreAdded() {
        JsonNode document = ApiContract.load();
        assertFalse(document.has(ApiContract.PARTS));
        assertFalse(document.has(ApiContract.COMMON));
        JsonNode secured = document.at("/paths/~1api~1items~1{dfid}/get/responses");
        assertEquals("#/components/responses/Unauthorized", secured.at("/401/$ref").asText());
        assertEquals("#/components/responses/NotFound", secured.at("/404/$ref").asText());
        JsonNode open = document.at("/paths/~1health/get/responses");
        assertTrue(open.at("/401").isMissingNode(), "a public route answers no 401");
    }

    @Test
    void aRouteDescribedTwiceIsRefused() {
        String root = """
                openapi: 3.1.0
                info: {title: t, version: '1'}
                x-defarm-parts: [openapi/system.yaml, openapi/system.yaml]
                """;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ApiContract.assemble(root));
        assertTrue(e.getMessage().contains("described twice"), e.getMessage());
    }
}
