package net.defarm.client.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.client.ApiClient;
import net.defarm.client.ApiException;
import net.defarm.client.api.IdentityApi;
import net.defarm.client.api.ItemsApi;
import net.defarm.client.model.Auth;
import net.defarm.client.model.CreateItemRequest;
import net.defarm.client.model.Identifier;
import net.defarm.client.model.IdentifierInput;
import net.defarm.client.model.Item;
import net.defarm.client.model.LoginRequest;
import net.defarm.client.model.RegisterRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Java client the build generated from the contract (see this module's pom) talks to a running service: sign-up,
 * sign-in, create an item, read it back. Compiling this class is the check that the client compiles; running it
 * checks that its requests are what the service reads and that it reads what the service answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientTest {

    private static final String PASSWORD = "Str0ng!Pass";

    private Service service;
    private String baseUri;

    @BeforeAll
    void start() {
        // Memory mode on a free port (the defaults of application.yaml otherwise); bcrypt's cheapest cost.
        service = Service.start(ServiceSettings.load(Map.of("HOST", "127.0.0.1", "PORT", "0", "BCRYPT_COST", "4")));
        baseUri = "http://127.0.0.1:" + service.port();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void theClientWasGeneratedFromWhatTheServiceServes() throws IOException, InterruptedException {
        Path generatedFrom = Path.of(System.getProperty("defarm.contract.file"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> served = http.send(HttpRequest.newBuilder(URI.create(baseUri + "/openapi")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, served.statusCode());
            assertEquals(Files.readString(generatedFrom), served.body(),
                    "the client must be generated from the document GET /openapi serves");
        }
    }

    @Test
    void registerLoginCreateAndGetAnItem() throws ApiException {
        String username = "client-" + UUID.randomUUID().toString().substring(0, 8);
        IdentityApi identity = new IdentityApi(client(null));
        Auth registered = identity.apiAuthRegisterPost(new RegisterRequest().username(username)
                .email(username + "@example.com").password(PASSWORD));
        assertTrue(registered.getUserId().startsWith("user-"), registered.getUserId());

        Auth login = identity.apiAuthLoginPost(new LoginRequest().username(username).password(PASSWORD));
        assertEquals(registered.getUserId(), login.getUserId());
        assertEquals(registered.getWorkspaceId(), login.getWorkspaceId());
        assertTrue(login.getExpiresAt() > System.currentTimeMillis() / 1000, "a token that has not expired");

        ItemsApi items = new ItemsApi(client(login.getToken()));
        Item created = items.apiItemsPost(new CreateItemRequest()
                .identifiers(List.of(new IdentifierInput().namespace("bovino").key("sisbov").value("BR123456789012")
                        .idType("Canonical")))
                .enrichedData(Map.of("raca", "Nelore")));
        assertTrue(created.getDfid().matches("DFID-\\d{8}-\\d{6,}-[0-9A-F]{1,4}"), created.getDfid());

        Item read = items.apiItemsDfidGet(created.getDfid());
        assertEquals(created.getDfid(), read.getDfid());
        assertEquals("Active", read.getStatus());
        assertEquals(Map.of("raca", "Nelore"), read.getEnrichedData());
        Identifier sisbov = read.getIdentifiers().getFirst();
        assertEquals(List.of("bovino", "sisbov", "BR123456789012", Identifier.IdTypeEnum.CANONICAL),
                List.of(sisbov.getNamespace(), sisbov.getKey(), sisbov.getValue(), sisbov.getIdType()));
        assertEquals(created.getCreationTimestamp(), read.getCreationTimestamp());
    }

    @Test
    void errorsReachTheCallerWithTheirStatusAndCode() {
        ApiException anonymous = assertThrows(ApiException.class, () -> new ItemsApi(client(null)).apiItemsGet(
                null, null, null, null, null));
        assertEquals(401, anonymous.getCode());
        assertTrue(anonymous.getResponseBody().contains("\"UNAUTHORIZED\""), anonymous.getResponseBody());

        String username = "client-" + UUID.randomUUID().toString().substring(0, 8);
        ApiException unknown = assertThrows(ApiException.class, () -> {
            Auth auth = new IdentityApi(client(null)).apiAuthRegisterPost(new RegisterRequest().username(username)
                    .email(username + "@example.com").password(PASSWORD));
            new ItemsApi(client(auth.getToken())).apiItemsDfidGet("DFID-20250101-000001-F7BD");
        });
        assertEquals(404, unknown.getCode());
        assertNotEquals(-1, unknown.getResponseBody().indexOf("ITEM_NOT_FOUND"), unknown.getResponseBody());
    }

    /**
     * The generated client (library "native") sends no credentials by itself: a request interceptor adds the bearer
     * token, as a program using the client would.
     */
    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
