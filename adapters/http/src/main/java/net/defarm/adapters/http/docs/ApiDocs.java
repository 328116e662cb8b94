package net.defarm.adapters.http.docs;

import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.spi.ServerFeature;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The API's documentation, served without credentials by Helidon features beside the API routing (not through the
 * door: they hold no data): the contract at {@value #CONTRACT} (YAML or JSON, by {@code Accept} or
 * {@code ?format=json|yaml}) and Swagger UI at {@value #DOCS}, from its web jar on the classpath (no CDN), loading
 * the contract.
 */
public final class ApiDocs {

    public static final String CONTRACT = "/openapi";
    public static final String DOCS = "/docs";
    /** Our page (the Swagger UI set up to load {@value #CONTRACT}); the web jar's files are served beside it. */
    static final String PAGE = "META-INF/defarm-docs";
    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/";

    private ApiDocs() {
    }

    /** The features to add to the web server. */
    public static List<ServerFeature> features() {
        return List.of(OpenApiFeature.builder()
                        .webContext(CONTRACT)
                        .staticFile(ApiContract.ROOT)
                        .manager(new ContractManager())
                        .build(),
                StaticContentFeature.builder()
                        // Tried in order: our index.html first, then the web jar's scripts and styles.
                        .addClasspath(c -> c.location(PAGE).context(DOCS).welcome("index.html"))
                        .addClasspath(c -> c.location(SWAGGER_UI + swaggerUiVersion()).context(DOCS))
                        .build());
    }

    /** The web jar's version, from its Maven metadata, so an upgrade is a change of the version in the pom only. */
    static String swaggerUiVersion() {
        String properties = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException("the Swagger UI web jar is not on the classpath (" + properties + ")");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
