package net.defarm.bootstrap.http.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.defarm.bootstrap.http.RunningService;
import net.defarm.bootstrap.http.StoreMode;
import org.junit.jupiter.api.Test;

/**
 * The contract at /openapi (YAML by default, JSON by Accept or ?format=) and Swagger UI at /docs answer without
 * credentials, from the classpath; they are server features beside the API, so not in the door's catalogue.
 */
class ApiDocsHttpTest extends RunningService {

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theContractIsServedAsYamlOrJsonWithoutCredentials() throws Exception {
        JsonNode expected = ContractDocument.SERVED.document();
        HttpResponse<String> yaml = get("/openapi", null);
        assertEquals(200, yaml.statusCode());
        assertEquals(expected, new YAMLMapper().readTree(yaml.body()), "the served YAML is the assembled document");

        HttpResponse<String> byAccept = get("/openapi", "application/json");
        assertEquals(200, byAccept.statusCode());
        assertTrue(byAccept.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(expected, new ObjectMapper().readTree(byAccept.body()));

        HttpResponse<String> byQuery = get("/openapi?format=json", null);
        assertEquals(expected, new ObjectMapper().readTree(byQuery.body()));
        assertEquals("3.1.0", expected.path("openapi").asText());
    }

    @Test
    void swaggerUiIsServedFromTheClasspathAndLoadsTheContract() throws Exception {
        HttpResponse<String> page = get("/docs/", null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("swagger-ui-bundle.js"), page.body());
        assertTrue(page.body().contains("/docs/defarm-docs.js"));
        HttpResponse<String> setup = get("/docs/defarm-docs.js", null);
        assertTrue(setup.body().contains("url: \"/openapi?format=json\""), setup.body());
        HttpResponse<String> bundle = get("/docs/swagger-ui-bundle.js", null);
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.body().length() > 100_000, "the web jar's bundle");
        assertTrue(page.body().lines().noneMatch(l -> l.contains("https://")), "no CDN");
    }

    @Test
    void theDocumentationIsNotPartOfTheDoorsCatalogue() {
        assertTrue(service.routes().stream().noneMatch(r -> r.template().startsWith("/openapi")
                || r.template().startsWith("/docs")), service.routes().toString());
    }
}
