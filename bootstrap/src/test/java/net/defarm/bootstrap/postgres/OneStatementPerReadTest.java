package net.defarm.bootstrap.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.KeyRequests;
import net.defarm.bootstrap.http.TestSettings;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: in postgres mode (no cache tier), once a caller's credential has been read, reading an item costs one
 * statement (the item) whether the caller holds a token or an API key: the account and the key come from the
 * recent credentials (ADR 0023); the key's limit and usage are still counted, in memory. With AUTH_FRESHNESS_MS=0
 * the account is read again on every request (two statements), which shows what the window saves.
 */
class OneStatementPerReadTest {

    /** Nothing else sends statements meanwhile: the outbox dispatcher, which polls, is off. */
    private static ServiceSettings quiet(TestDatabase db) {
        ServiceSettings s = TestSettings.postgres(db);
        return s.withDelivery(s.delivery().withDispatcher(false, Duration.ofSeconds(1)));
    }

    private static long statements(Service service, Supplier<Response> request) {
        long before = service.statementCount().orElseThrow();
        Response r = request.get();
        assertEquals(200, r.status(), r.body().toString());
        return service.statementCount().orElseThrow() - before;
    }

    @Test
    void anAuthenticatedItemReadIsOneStatementOnceTheCredentialIsKnown() {
        try (TestDatabase db = TestDatabase.create(); Service service = Service.start(quiet(db))) {
            ApiClient api = new ApiClient(service.port());
            String token = api.signUp("one-" + UUID.randomUUID().toString().substring(0, 8));
            Response created = api.post("/api/items", token, "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"L-"
                    + UUID.randomUUID() + "\"}]}");
            assertEquals(200, created.status(), created.body().toString());
            String path = "/api/items/" + created.text("dfid");
            Response made = api.post("/api/api-keys", token,
                    "{\"name\":\"erp\",\"organization_type\":\"Enterprise\"}");
            assertEquals(200, made.status(), made.body().toString());
            String key = made.body().path("api_key").asText();
            KeyRequests machine = new KeyRequests(service.port());

            statements(service, () -> api.get(path, token));
            statements(service, () -> machine.get(path, key));
            for (int i = 0; i < 5; i++) {
                assertEquals(1, statements(service, () -> api.get(path, token)), "a bearer's read of an item");
                assertEquals(1, statements(service, () -> machine.get(path, key)), "a key's read of an item");
            }
        }
    }

    @Test
    void withoutTheWindowTheAccountIsReadOnEveryRequest() {
        try (TestDatabase db = TestDatabase.create()) {
            ServiceSettings settings = quiet(db);
            try (Service service = Service.start(settings.withAccounts(settings.accounts()
                    .withFreshness(Duration.ZERO)))) {
                ApiClient api = new ApiClient(service.port());
                String token = api.signUp("two-" + UUID.randomUUID().toString().substring(0, 8));
                Response created = api.post("/api/items", token, "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"L-"
                        + UUID.randomUUID() + "\"}]}");
                String path = "/api/items/" + created.text("dfid");
                statements(service, () -> api.get(path, token));
                assertEquals(2, statements(service, () -> api.get(path, token)), "the account, then the item");
            }
        }
    }
}
