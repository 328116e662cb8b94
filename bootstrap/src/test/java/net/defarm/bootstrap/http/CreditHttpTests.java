package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The account pages (/users/me/..., /credit/users/current) and the administrators' credit routes, end to end. */
public abstract class CreditHttpTests extends RunningService {

    private User admin;

    @BeforeAll
    void admin() {
        admin = CreditFixture.admin(service, api);
    }

    private long balance(User user) {
        return ok(api.get("/users/me/credits/balance", user.token())).body().path("credits").asLong();
    }

    @Test
    void registrationShowsOneHundredCreditsAndOneGrant() {
        User alice = api.newUser("alice");
        JsonNode profile = ok(api.get("/users/me/profile", alice.token())).body();
        assertEquals(alice.id(), profile.path("user_id").asText());
        assertEquals("Basic", profile.path("tier").asText());
        assertEquals(100, profile.path("credits").asLong());
        assertEquals("Active", profile.path("status").asText());
        assertEquals(false, profile.path("is_admin").asBoolean());
        Instant.parse(profile.path("created_at").asText());
        assertTrue(profile.has("subscription") && profile.path("subscription").isNull(), profile.toString());
        JsonNode limits = profile.path("limits");
        assertEquals(1000, limits.path("max_items_per_month").asLong());
        assertEquals(5, limits.path("max_circuits").asLong());
        assertEquals(100, limits.path("max_api_requests_per_hour").asLong());
        assertEquals(30, limits.path("max_audit_retention_days").asInt());
        assertEquals(false, limits.path("can_use_premium_adapters").asBoolean());
        assertEquals(profile, ok(api.get("/credit/users/current", alice.token())).body(), "the alias answers alike");

        JsonNode balance = ok(api.get("/users/me/credits/balance", alice.token())).body();
        assertEquals(100, balance.path("credits").asLong());
        assertEquals("Basic", balance.path("tier").asText());
        Instant.parse(balance.path("last_updated").asText());

        JsonNode history = ok(api.get("/users/me/credits/history", alice.token())).body();
        assertEquals(100, history.path("total_credits").asLong());
        assertEquals(1, history.path("transactions").size());
        JsonNode grant = history.path("transactions").get(0);
        assertEquals("Grant", grant.path("transaction_type").asText());
        assertEquals(100, grant.path("amount").asLong());
        assertEquals(100, grant.path("balance_after").asLong());
        assertEquals("New user registration bonus", grant.path("description").asText());
        Instant.parse(grant.path("timestamp").asText());

        JsonNode costs = ok(api.get("/users/me/credits/costs", alice.token())).body();
        assertEquals(2, costs.path("item_creation").asLong());
        assertEquals(3, costs.path("circuit_operation").asLong());
        assertEquals(1, costs.path("api_request").asLong());
        assertEquals("Basic", costs.path("tier").asText());
    }

    @Test
    void operationsCostNothingUnlessEnforced() {
        User alice = api.newUser("free");
        ok(api.post("/api/items", alice.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"FREE-1\"}]}"));
        assertEquals(100, balance(alice));
    }

    @Test
    void historyIsPagedNewestFirstWithACursor() {
        User bob = api.newUser("bob");
        for (int i = 1; i <= 3; i++) {
            ok(api.post("/api/admin/users/" + bob.id() + "/credits", admin.token(),
                    CreditFixture.adjustment(i, "gift " + i)));
        }
        Response first = ok(api.get("/users/me/credits/history?limit=2", bob.token()));
        assertEquals(List.of("gift 3", "gift 2"), first.body().path("transactions").findValuesAsText("description"));
        assertEquals(106, first.body().path("total_credits").asLong());
        String cursor = first.header("X-Next-Cursor").orElseThrow();
        assertTrue(first.header("Link").orElseThrow().contains("rel=\"next\""));
        Response rest = ok(api.get("/users/me/credits/history?limit=2&cursor=" + cursor, bob.token()));
        assertEquals(List.of("gift 1", "New user registration bonus"),
                rest.body().path("transactions").findValuesAsText("description"));
        assertTrue(rest.header("X-Next-Cursor").isEmpty());
        assertError(api.get("/users/me/credits/history?limit=0", bob.token()), 400, "INVALID_LIMIT");
        assertError(api.get("/users/me/credits/history?cursor=bogus", bob.token()), 400, "INVALID_CURSOR");
    }

    @Test
    void apiKeysAndAnonymousCallersAreRefused() {
        User carol = api.newUser("carol");
        String key = ok(api.post("/api/api-keys", carol.token(), "{\"name\":\"m\",\"organization_type\":\"Producer\"}"))
                .text("api_key");
        KeyRequests machine = new KeyRequests(service.port());
        for (String path : List.of("/users/me/profile", "/credit/users/current", "/users/me/credits/balance",
                "/users/me/credits/history", "/users/me/credits/costs")) {
            assertError(machine.get(path, key), 403, "PASSWORD_SESSION_REQUIRED");
            assertError(api.get(path, null), 401, "UNAUTHORIZED");
        }
    }

    @Test
    void administratorsAdjustCreditsAndReadTheLedger() {
        User dave = api.newUser("dave");
        JsonNode granted = ok(api.post("/api/admin/users/" + dave.id() + "/credits", admin.token(),
                CreditFixture.adjustment(500, "Promo"))).body();
        assertTrue(granted.path("success").asBoolean());
        assertEquals(500, granted.path("amount").asLong());
        assertEquals(600, granted.path("new_balance").asLong());
        assertEquals(600, balance(dave));
        JsonNode penalty = ok(api.post("/api/admin/users/" + dave.id() + "/credits", admin.token(),
                CreditFixture.adjustment(-650, "chargeback"))).body();
        assertEquals("Penalty", penalty.path("transaction").path("transaction_type").asText());
        assertEquals(-50, balance(dave), "negative balances are allowed after a penalty");
        // Each adjustment is an administrator's recorded action, with the balance before and after, and an audit fact.
        JsonNode actions = ok(api.get("/api/admin/actions?limit=2", admin.token())).body().path("actions");
        assertEquals(List.of("adjust_credits", "adjust_credits"), actions.findValuesAsText("action_type"));
        assertEquals(List.of(admin.id(), admin.id()), actions.findValuesAsText("admin_id"));
        assertEquals(List.of(dave.id(), dave.id()), actions.findValuesAsText("target_id"));
        assertEquals(600, actions.get(0).path("before").path("credits").asLong());
        assertEquals(-50, actions.get(0).path("after").path("credits").asLong());
        assertEquals(100, actions.get(1).path("before").path("credits").asLong());
        assertEquals(List.of("admin.adjust_credits:" + admin.id(), "admin.adjust_credits:" + admin.id()),
                adminFacts(dave));

        JsonNode history = ok(api.get("/api/admin/users/" + dave.id() + "/credits/history", admin.token())).body();
        assertTrue(history.path("success").asBoolean());
        assertEquals(dave.id(), history.path("user_id").asText());
        assertEquals(3, history.path("count").asInt());
        assertEquals(List.of("Penalty", "Grant", "Grant"), history.path("transactions")
                .findValuesAsText("transaction_type"));

        assertError(api.post("/api/admin/users/user-nobody/credits", admin.token(),
                CreditFixture.adjustment(5, "x")), 404, "USER_NOT_FOUND");
        assertError(api.get("/api/admin/users/user-nobody/credits/history", admin.token()), 404, "USER_NOT_FOUND");
        assertError(api.post("/api/admin/users/" + dave.id() + "/credits", admin.token(), "{\"amount\":5}"), 400,
                "MISSING_FIELD");
        assertEquals(400, api.post("/api/admin/users/" + dave.id() + "/credits", admin.token(),
                "{\"amount\":\"5\",\"reason\":\"x\"}").status());
        assertEquals(-50, balance(dave));
    }

    @Test
    void aBulkGrantReportsEachUser() {
        User erin = api.newUser("erin");
        User frank = api.newUser("frank");
        JsonNode r = ok(api.post("/api/admin/users/credits/bulk-grant", admin.token(), "{\"user_ids\":[\""
                + erin.id() + "\",\"user-nobody\",\"" + frank.id() + "\"],\"amount\":25,\"reason\":\"launch\"}")).body();
        assertTrue(r.path("success").asBoolean());
        assertEquals(List.of(erin.id(), frank.id()), List.of(r.path("successful").get(0).asText(),
                r.path("successful").get(1).asText()));
        assertEquals(2, r.path("successful").size());
        assertEquals("user-nobody", r.path("failed").get(0).get(0).asText());
        assertEquals(3, r.path("total_users").asInt());
        assertEquals(2, r.path("successful_count").asInt());
        assertEquals(1, r.path("failed_count").asInt());
        assertEquals(125, balance(erin));
        assertEquals(125, balance(frank));
        JsonNode actions = ok(api.get("/api/admin/actions?limit=2", admin.token())).body().path("actions");
        assertEquals(List.of("bulk_grant_credits", "bulk_grant_credits"), actions.findValuesAsText("action_type"));
        assertEquals(List.of(frank.id(), erin.id()), actions.findValuesAsText("target_id"));
        assertEquals(125, actions.get(0).path("after").path("credits").asLong());
        assertEquals(List.of("admin.bulk_grant_credits:" + admin.id()), adminFacts(erin));
    }

    /** The administrators' facts the audit trail holds about {@code user}, newest first, with who acted. */
    private List<String> adminFacts(User user) {
        List<String> out = new java.util.ArrayList<>();
        ok(api.get("/audit/audit/events/user/" + user.id() + "?limit=100", admin.token())).body().path("data")
                .forEach(e -> {
                    if (e.path("action").asText().startsWith("admin.")) {
                        out.add(e.path("action").asText() + ":" + e.path("user_id").asText());
                    }
                });
        return out;
    }

    @Test
    void nonAdministratorsAreRefusedOnEveryAdminCreditRoute() {
        User mallory = api.newUser("mallory");
        assertError(api.post("/api/admin/users/" + mallory.id() + "/credits", mallory.token(),
                CreditFixture.adjustment(1000, "free money")), 403, "ADMIN_REQUIRED");
        assertError(api.get("/api/admin/users/" + mallory.id() + "/credits/history", mallory.token()), 403,
                "ADMIN_REQUIRED");
        assertError(api.post("/api/admin/users/credits/bulk-grant", mallory.token(), "{\"user_ids\":[\""
                + mallory.id() + "\"],\"amount\":1000,\"reason\":\"x\"}"), 403, "ADMIN_REQUIRED");
        assertEquals(100, balance(mallory));
    }
}
