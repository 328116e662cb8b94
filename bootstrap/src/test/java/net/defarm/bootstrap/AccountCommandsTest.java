package net.defarm.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console's account commands, run in this JVM against a PostgreSQL schema, then checked through a service on
 * the same database: the administrator signs in and administers, the demo accounts exist once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountCommandsTest {

    private static final String PASSWORD = "Str0ng!Pass";
    private static final InputStream NO_INPUT = InputStream.nullInputStream();

    private TestDatabase db;
    private ServiceSettings settings;

    @BeforeAll
    void database() {
        db = TestDatabase.create();
        settings = TestSettings.postgres(db);
    }

    @AfterAll
    void drop() {
        db.close();
    }

    private static InputStream typed(String line) {
        return new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String login(ApiClient api, String username) {
        Response r = api.post("/api/auth/login", null, "{\"username\":\"" + username + "\",\"password\":\""
                + PASSWORD + "\"}");
        assertEquals(200, r.status(), r.body().toString());
        return r.text("token");
    }

    @Test
    void createAdminOpensAnAdministratorWhoCanAdminister() {
        assertEquals(0, AccountCommands.createAdmin(settings, List.of("ops", "ops@example.com"),
                Map.of(AccountCommands.ADMIN_PASSWORD, PASSWORD), NO_INPUT));
        assertEquals(0, AccountCommands.createAdmin(settings, List.of("ops2", "ops2@example.com"), Map.of(),
                typed(PASSWORD)), "the password may come on standard input");
        assertEquals(1, AccountCommands.createAdmin(settings, List.of("OPS", "other@example.com"),
                Map.of(AccountCommands.ADMIN_PASSWORD, PASSWORD), NO_INPUT), "a taken username is never promoted");
        assertEquals(1, AccountCommands.createAdmin(settings, List.of("weak", "weak@example.com"),
                Map.of(AccountCommands.ADMIN_PASSWORD, "weak"), NO_INPUT));
        try (Service service = Service.start(settings)) {
            ApiClient api = new ApiClient(service.port());
            String token = login(api, "ops");
            Response users = api.get("/api/admin/users?is_admin=true&username=ops", token);
            assertEquals(200, users.status(), users.body().toString());
            assertEquals(List.of("ops", "ops2"), users.body().findValuesAsText("username"));
            assertEquals("Admin", users.body().path("users").get(0).path("tier").asText());
            Response actions = api.get("/api/admin/actions?admin_id=console", token);
            assertTrue(actions.body().findValuesAsText("action_type").contains("create_admin"));
            assertEquals(401, api.post("/api/auth/login", null, "{\"username\":\"weak\",\"password\":\"weak\"}")
                    .status(), "the refused account was not opened");
        }
    }

    @Test
    void createAdminNeedsArgumentsAPasswordAndADatabase() {
        assertEquals(2, AccountCommands.createAdmin(settings, List.of("only-name"),
                Map.of(AccountCommands.ADMIN_PASSWORD, PASSWORD), NO_INPUT));
        assertEquals(2, AccountCommands.createAdmin(settings, List.of("nopass", "nopass@example.com"), Map.of(),
                NO_INPUT), "no default password");
        assertEquals(2, AccountCommands.createAdmin(TestSettings.memory(), List.of("mem", "mem@example.com"),
                Map.of(AccountCommands.ADMIN_PASSWORD, PASSWORD), NO_INPUT), "memory mode would lose the account");
    }

    @Test
    void seedDemoNeedsTheDevelopmentFlagAndRunsTwiceToTheSameAccounts() {
        Map<String, String> env = Map.of(AccountCommands.DEMO_PASSWORD, PASSWORD);
        assertEquals(2, AccountCommands.seedDemo(settings, List.of(), env, NO_INPUT));
        assertEquals(2, AccountCommands.seedDemo(TestSettings.memory(), List.of("--development"), env, NO_INPUT));
        assertEquals(0, AccountCommands.seedDemo(settings, List.of("--development"), env, NO_INPUT));
        assertEquals(0, AccountCommands.seedDemo(settings, List.of("--development"), env, NO_INPUT));
        try (Service service = Service.start(settings)) {
            ApiClient api = new ApiClient(service.port());
            String hen = login(api, "hen");
            Response demo = api.get("/api/admin/users?email=demo.defarm.local", hen);
            assertEquals(List.of("hen", "pullet", "cock", "basic_farmer", "pro_farmer", "enterprise_farmer").stream()
                    .sorted().toList(), demo.body().findValuesAsText("username").stream().sorted().toList(),
                    "each demo account once");
            Response henView = api.get("/api/admin/users/hen-admin-001", hen);
            assertTrue(henView.body().path("user").path("is_admin").asBoolean());
            assertEquals(1_000_000, henView.body().path("user").path("credits").asLong());
            login(api, "cock");
            assertEquals(403, api.get("/api/admin/dashboard/stats", login(api, "pullet")).status());
        }
    }
}
