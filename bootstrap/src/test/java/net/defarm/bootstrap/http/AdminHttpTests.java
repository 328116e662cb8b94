package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.adapters.http.door.RouteSpec;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Administration end to end: only administrators (every /api/admin route, as the routing lists them), accounts
 * opened, listed with filters and cursors, changed, frozen and unfrozen, each action recorded with its before and
 * after, and the dashboard's counts.
 */
public abstract class AdminHttpTests extends RunningService {

    static final String PASSWORD = "Str0ng!Pass";

    private User admin;
    private KeyRequests machine;

    @BeforeAll
    void administrator() {
        String name = "root-" + UUID.randomUUID().toString().substring(0, 8);
        service.useCases().admin().setup().createAdmin(name, name + "@example.com", PASSWORD);
        admin = logIn(name);
        machine = new KeyRequests(service.port());
    }

    private User logIn(String username) {
        Response r = ok(api.post("/api/auth/login", null, "{\"username\":\"" + username + "\",\"password\":\""
                + PASSWORD + "\"}"));
        return new User(r.text("token"), r.text("user_id"));
    }

    /** Opens an account through the API; returns its id. */
    private String open(String username, String tier, String extra) {
        Response r = ok(api.post("/api/admin/users", admin.token(), "{\"username\":\"" + username + "\",\"email\":\""
                + username + "@example.com\",\"password\":\"" + PASSWORD + "\",\"tier\":\"" + tier + "\"" + extra
                + "}"));
        assertEquals("User created successfully", r.text("message"));
        assertEquals(username, r.text("username"));
        return r.text("user_id");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<RouteSpec> adminRoutes() {
        List<RouteSpec> routes = service.routes().stream().filter(r -> r.template().startsWith("/api/admin/"))
                .toList();
        assertTrue(routes.size() >= 8, routes.toString());
        return routes;
    }

    @Test
    void everyAdminRouteRefusesWhoeverIsNotAnAdministrator() {
        User someone = api.newUser("farmer");
        String target = open(unique("target"), "Basic", "");
        // Bodies are empty JSON objects on purpose: the caller is checked before any field is looked at.
        for (RouteSpec route : adminRoutes()) {
            String path = route.template().replace("{user_id}", target)
                    .replace("{config_id}", UUID.randomUUID().toString());
            Response r = api.raw(route.method(), path, someone.token(), "application/json",
                    "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(403, r.status(), route + ": " + r.body());
            assertEquals("ADMIN_REQUIRED", r.text("code"), route + ": " + r.body());
        }
        assertEquals("Active", ok(api.get("/api/admin/users/" + target, admin.token())).body().path("user")
                .path("status").asText(), "nothing was changed by the refused calls");
    }

    @Test
    void anAdministratorsKeyNeedsTheAdminPermission() {
        Response created = ok(api.post("/api/api-keys", admin.token(), "{\"name\":\"ops\",\"organization_type\":"
                + "\"Admin\",\"permissions\":{\"read\":true,\"write\":true,\"admin\":true,\"custom\":{}}}"));
        ok(machine.get("/api/admin/dashboard/stats", created.text("api_key")));
        String plain = ok(api.post("/api/api-keys", admin.token(), "{\"name\":\"ro\",\"organization_type\":"
                + "\"Admin\"}")).text("api_key");
        assertError(machine.get("/api/admin/dashboard/stats", plain), 403, "INSUFFICIENT_KEY_PERMISSIONS");
    }

    @Test
    void accountsAreOpenedOnceWithTheirTierAndNeverAsAdministrators() {
        String name = unique("pro");
        String id = open(name, "Professional", ",\"initial_credits\":25,\"workspace_id\":\"farm-7\"");
        JsonNode user = ok(api.get("/api/admin/users/" + id, admin.token())).body().path("user");
        assertEquals("Professional", user.path("tier").asText());
        assertEquals(25, user.path("credits").asLong());
        assertEquals("farm-7", user.path("workspace_id").asText());
        assertFalse(user.path("is_admin").asBoolean());
        assertTrue(user.path("last_login").isNull());
        assertEquals(10_000, user.path("limits").path("max_items_per_month").asLong());
        assertFalse(user.toString().contains("$2"), "no password hash: " + user);
        User opened = logIn(name);
        JsonNode grant = ok(api.get("/api/admin/users/" + id + "/credits/history", admin.token())).body()
                .path("transactions");
        assertEquals(1, grant.size(), "the opening credits are one ledger line: " + grant);
        assertEquals("Grant", grant.get(0).path("transaction_type").asText());
        assertEquals(25, grant.get(0).path("amount").asLong());
        assertEquals(25, grant.get(0).path("balance_after").asLong());
        assertEquals(25, ok(api.get("/users/me/credits/balance", opened.token())).body().path("credits").asLong());
        String none = open(unique("zero"), "Basic", "");
        assertEquals(0, ok(api.get("/api/admin/users/" + none + "/credits/history", admin.token())).body()
                .path("count").asInt(), "no opening credits, no ledger line");

        String body = "\",\"email\":\"x-" + name + "@example.com\",\"password\":\"" + PASSWORD
                + "\",\"tier\":\"Basic\"}";
        assertError(api.post("/api/admin/users", admin.token(), "{\"username\":\"" + name.toUpperCase() + body), 409,
                "DUPLICATE_USERNAME");
        assertError(api.post("/api/admin/users", admin.token(), "{\"username\":\"other-" + name + "\",\"email\":\""
                + name + "@example.com\",\"password\":\"" + PASSWORD + "\",\"tier\":\"Basic\"}"), 409,
                "DUPLICATE_EMAIL");
        assertError(api.post("/api/admin/users", admin.token(), "{\"username\":\"w-" + name + "\",\"email\":\"w-"
                + name + "@example.com\",\"password\":\"weak\",\"tier\":\"Basic\"}"), 400, "WEAK_PASSWORD");
        assertError(api.post("/api/admin/users", admin.token(), "{\"username\":\"t-" + name + "\",\"email\":\"t-"
                + name + "@example.com\",\"password\":\"" + PASSWORD + "\",\"tier\":\"Gold\"}"), 400, "INVALID_TIER");
        assertError(api.post("/api/admin/users", admin.token(), "{\"username\":\"c-" + name + "\",\"email\":\"c-"
                + name + "@example.com\",\"password\":\"" + PASSWORD + "\",\"tier\":\"Basic\","
                + "\"initial_credits\":-5}"), 400, "INVALID_FIELD");
    }

    @Test
    void theListFiltersAndFollowsItsCursor() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(open("list" + i + "-" + tag, i == 1 ? "Enterprise" : "Basic", ""));
        }
        List<String> seen = new ArrayList<>();
        String next = "/api/admin/users?limit=2&username=" + tag.toUpperCase();
        while (next != null) {
            Response page = ok(api.get(next, admin.token()));
            assertTrue(page.body().path("count").asInt() <= 2);
            page.body().path("users").forEach(u -> seen.add(u.path("user_id").asText()));
            next = page.header("X-Next-Cursor").map(c -> "/api/admin/users?limit=2&username=" + tag.toUpperCase()
                    + "&cursor=" + c).orElse(null);
        }
        assertEquals(ids, seen, "oldest first, every match once");
        JsonNode enterprise = ok(api.get("/api/admin/users?tier=Enterprise&email=" + tag, admin.token())).body();
        assertEquals(List.of(ids.get(1)), enterprise.findValuesAsText("user_id"));
        assertTrue(ok(api.get("/api/admin/users?is_admin=true", admin.token())).body().findValuesAsText("user_id")
                .contains(admin.id()));
        assertFalse(ok(api.get("/api/admin/users?is_admin=false&status=Active", admin.token())).body()
                .findValuesAsText("user_id").contains(admin.id()));
        ok(api.get("/api/admin/users?offset=0", admin.token()));
        assertError(api.get("/api/admin/users?offset=50", admin.token()), 400, "OFFSET_NOT_SUPPORTED");
        assertError(api.get("/api/admin/users?status=Frozen", admin.token()), 400, "INVALID_STATUS");
        assertError(api.get("/api/admin/users?cursor=forged", admin.token()), 400, "INVALID_CURSOR");
        assertError(api.get("/api/admin/users?limit=0", admin.token()), 400, "INVALID_LIMIT");
    }

    @Test
    void unknownAccountsAre404() {
        String missing = "/api/admin/users/user-" + UUID.randomUUID();
        assertError(api.get(missing, admin.token()), 404, "USER_NOT_FOUND");
        assertError(api.put(missing, admin.token(), "{\"tier\":\"Basic\"}"), 404, "USER_NOT_FOUND");
        assertError(api.put(missing + "/freeze", admin.token(), "{}"), 404, "USER_NOT_FOUND");
        assertError(api.put(missing + "/unfreeze", admin.token(), "{}"), 404, "USER_NOT_FOUND");
    }

    @Test
    void anUpdateChangesWhatItNamesAndIsRecordedWithBeforeAndAfter() {
        String id = open(unique("upd"), "Basic", "");
        Response updated = ok(api.send("PUT", "/api/admin/users/" + id, admin.token(), "{\"tier\":\"Professional\","
                + "\"available_adapters\":[\"ipfs-ipfs\",\"StellarMainnetIpfs\"]}", Map.of("X-Request-Id", "req-42")));
        assertEquals("tier: Basic -> Professional, available_adapters: null -> [ipfs-ipfs, stellar_mainnet-ipfs]",
                updated.text("changes"));
        JsonNode user = updated.body().path("user");
        assertEquals("Professional", user.path("tier").asText());
        assertEquals("Active", user.path("status").asText(), "what is not named stays");

        JsonNode action = ok(api.get("/api/admin/actions?admin_id=" + admin.id() + "&limit=1", admin.token()))
                .body().path("actions").get(0);
        assertEquals("update_user", action.path("action_type").asText());
        assertEquals(id, action.path("target_id").asText());
        assertEquals(admin.id(), action.path("admin_id").asText());
        assertEquals("req-42", action.path("request_id").asText());
        assertEquals("Basic", action.path("before").path("tier").asText());
        assertEquals("Professional", action.path("after").path("tier").asText());
        assertFalse(action.toString().contains("password"), action.toString());

        assertEquals("available_adapters: [ipfs-ipfs, stellar_mainnet-ipfs] -> null", ok(api.put(
                "/api/admin/users/" + id, admin.token(), "{\"available_adapters\":null}")).text("changes"));
        assertError(api.put("/api/admin/users/" + id, admin.token(), "{\"credits\":500}"), 400,
                "CREDITS_NOT_UPDATABLE_HERE");
        assertError(api.put("/api/admin/users/" + id, admin.token(), "{\"available_adapters\":[\"floppy\"]}"), 400,
                "INVALID_ADAPTER");
        assertError(api.put("/api/admin/users/" + id, admin.token(), "{\"is_admin\":\"yes\"}"), 400,
                "INVALID_FIELD");
        assertError(api.put("/api/admin/users/" + admin.id(), admin.token(), "{\"is_admin\":false}"), 409,
                "OWN_ACCESS");
    }

    @Test
    void aFrozenAccountIsRefusedAtOnceAndUnfreezingRestoresItButNotItsSessions() {
        String name = unique("frozen");
        String id = open(name, "Basic", "");
        User user = logIn(name);
        ok(api.get("/api/items", user.token()));

        assertEquals("User frozen successfully", ok(api.put("/api/admin/users/" + id + "/freeze", admin.token(),
                "{}")).text("message"));
        assertError(api.get("/api/items", user.token()), 403, "ACCOUNT_SUSPENDED");
        assertError(api.post("/api/auth/login", null, "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                + "\"}"), 403, "ACCOUNT_SUSPENDED");
        assertError(api.put("/api/admin/users/" + admin.id() + "/freeze", admin.token(), "{}"), 409, "OWN_ACCESS");

        assertEquals("User unfrozen successfully", ok(api.put("/api/admin/users/" + id + "/unfreeze",
                admin.token(), "{}")).text("message"));
        // The freeze ended the sessions: a token from before it (perhaps stolen) does not come back with the account.
        assertError(api.get("/api/items", user.token()), 401, "SESSION_ENDED");
        ok(api.get("/api/items", logIn(name).token()));
        List<String> recorded = ok(api.get("/api/admin/actions?limit=2", admin.token())).body()
                .findValuesAsText("action_type");
        assertEquals(List.of("unfreeze_user", "freeze_user"), recorded);
    }

    @Test
    void actionsArePagedNewestFirst() {
        for (int i = 0; i < 3; i++) {
            open(unique("act"), "Basic", "");
        }
        Response first = ok(api.get("/api/admin/actions?limit=2", admin.token()));
        assertEquals(2, first.body().path("count").asInt());
        String cursor = first.header("X-Next-Cursor").orElseThrow();
        Response second = ok(api.get("/api/admin/actions?limit=2&cursor=" + cursor, admin.token()));
        assertFalse(first.body().findValuesAsText("action_id").contains(second.body().path("actions").get(0)
                .path("action_id").asText()));
        assertTrue(first.body().path("actions").get(0).path("performed_at").asText()
                .compareTo(second.body().path("actions").get(0).path("performed_at").asText()) >= 0);
        assertTrue(ok(api.get("/api/admin/actions?admin_id=nobody", admin.token())).body().path("actions")
                .isEmpty());
    }

    @Test
    void demonstrationAccountsGetTheirCreditsThroughTheLedger() {
        service.useCases().admin().setup().seedDemo(PASSWORD);
        for (String name : List.of("hen", "pullet")) {
            User demo = logIn(name);
            JsonNode history = ok(api.get("/users/me/credits/history", demo.token())).body();
            JsonNode lines = history.path("transactions");
            assertEquals(1, lines.size(), name + ": " + history);
            assertEquals("Grant", lines.get(0).path("transaction_type").asText());
            assertEquals(history.path("total_credits").asLong(), lines.get(0).path("balance_after").asLong());
            assertEquals(name.equals("hen") ? 1_000_000 : 100, history.path("total_credits").asLong());
        }
    }

    @Test
    void theDashboardSumsTheCreditLedger() {
        JsonNode before = ok(api.get("/api/admin/dashboard/stats", admin.token())).body().path("stats");
        String id = open(unique("ledger"), "Basic", ",\"initial_credits\":40");
        ok(api.post("/api/admin/users/" + id + "/credits", admin.token(), "{\"amount\":-15,\"reason\":\"refund\"}"));
        JsonNode after = ok(api.get("/api/admin/dashboard/stats", admin.token())).body().path("stats");
        assertEquals(before.path("total_credits_issued").asLong() + 40, after.path("total_credits_issued").asLong());
        assertEquals(before.path("total_credits_consumed").asLong() + 15,
                after.path("total_credits_consumed").asLong());
    }

    @Test
    void theDashboardCountsAccounts() {
        JsonNode before = ok(api.get("/api/admin/dashboard/stats", admin.token())).body().path("stats");
        String name = unique("stats");
        open(name, "Enterprise", "");
        logIn(name);
        JsonNode after = ok(api.get("/api/admin/dashboard/stats", admin.token())).body().path("stats");
        assertEquals(before.path("total_users").asLong() + 1, after.path("total_users").asLong());
        assertEquals(before.path("users_by_tier").path("enterprise").asLong() + 1,
                after.path("users_by_tier").path("enterprise").asLong());
        assertEquals(before.path("new_users_last_30_days").asLong() + 1,
                after.path("new_users_last_30_days").asLong());
        assertEquals(before.path("active_users_last_30_days").asLong() + 1,
                after.path("active_users_last_30_days").asLong(), "a sign-in makes an account active");
        assertTrue(after.path("users_by_status").has("Suspended"));
        assertFalse(after.path("generated_at").asText().isBlank());
    }
}
