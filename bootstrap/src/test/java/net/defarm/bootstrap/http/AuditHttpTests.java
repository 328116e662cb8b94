package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail end to end: what a scripted session leaves in the caller's and the administrator's views (and
 * nothing else), who may read whose records, submitted events attributed to the caller, incidents, reports whose
 * counts are what the session did, and the chain's verification.
 */
public abstract class AuditHttpTests extends RunningService {

    static final String PASSWORD = "Str0ng!Pass";

    protected User admin;

    @BeforeAll
    void administrator() {
        String name = "root-" + UUID.randomUUID().toString().substring(0, 8);
        service.useCases().admin().setup().createAdmin(name, name + "@example.com", PASSWORD);
        admin = logIn(name);
    }

    private User logIn(String username) {
        Response r = ok(api.post("/api/auth/login", null, "{\"username\":\"" + username + "\",\"password\":\""
                + PASSWORD + "\"}"));
        return new User(r.text("token"), r.text("user_id"));
    }

    /** The actions of a user's records, newest first, with their actors. */
    protected List<String> trail(String token, String userId) {
        JsonNode data = ok(api.get("/audit/audit/events/user/" + userId + "?limit=100", token)).body().path("data");
        List<String> out = new ArrayList<>();
        data.forEach(e -> out.add(e.path("action").asText() + ":" + e.path("outcome").asText() + ":"
                + (e.path("user_id").isNull() ? "-" : e.path("user_id").asText())));
        return out;
    }

    /** Registers, fails to sign in once, signs in, creates a key, pushes into an approval-gated circuit, approves. */
    protected User session(String name) {
        User user = api.signUpUser(name);
        assertError(api.post("/api/auth/login", null, "{\"username\":\"" + name + "\",\"password\":\"wrong-"
                + PASSWORD + "\"}"), 401, "INVALID_CREDENTIALS");
        user = logIn(name);
        ok(api.post("/api/api-keys", user.token(), "{\"name\":\"sensor\",\"organization_type\":\"Producer\"}"));
        String cid = newCircuit(user, "Audit " + name, "audited");
        ok(api.put("/api/circuits/" + cid, user.token(), "{\"permissions\":{\"require_approval_for_push\":true}}"));
        String dfid = ok(api.post("/api/items", user.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"A-"
                + UUID.randomUUID() + "\"}]}")).text("dfid");
        String operation = ok(api.post("/api/circuits/" + cid + "/push/" + dfid, user.token(), "{}")).body()
                .path("operation_id").asText();
        ok(api.post("/api/circuits/operations/" + operation + "/approve", user.token(), "{}"));
        return user;
    }

    @Test
    void aSessionLeavesExactlyItsRecordsWithTheRightActors() {
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        User user = session(name);
        String u = user.id();
        List<String> expected = List.of("circuit.approve:success:" + u, "circuit.push:success:" + u,
                "api_key.create:success:" + u, "auth.sign_in:success:" + u, "auth.sign_in:failure:-",
                "auth.register:success:" + u);
        assertEquals(expected, trail(user.token(), u));

        // The administration routes' part of the contract is another change's (they are checked there).
        ok(api.outsideTheContract().put("/api/admin/users/" + u + "/freeze", admin.token(), "{}"));
        List<String> seenByAdmin = trail(admin.token(), u);
        assertEquals("admin.freeze_user:success:" + admin.id(), seenByAdmin.getFirst());
        assertEquals(expected, seenByAdmin.subList(1, seenByAdmin.size()));

        JsonNode signIn = ok(api.post("/audit/audit/events/query", admin.token(), "{\"user_id\":\"" + u
                + "\",\"actions\":[\"auth.sign_in\"],\"outcomes\":[\"failure\"]}")).body().path("data").get(0);
        assertEquals(u, signIn.path("subject_id").asText(), "the failed sign-in names the account it tried");
        assertFalse(signIn.path("metadata").path("request_id").asText().isEmpty());
        assertEquals("127.0.0.1", signIn.path("metadata").path("ip_address").asText());
    }

    @Test
    void aFailedSignInKeepsNoTypedSecretAndTheSubjectDoesNotSeeWhereTheAttemptCameFrom() {
        String typed = "Se" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "!pw";
        assertError(api.post("/api/auth/login", null, "{\"username\":\"" + typed + "\",\"password\":\"x\"}"), 401,
                "INVALID_CREDENTIALS");
        JsonNode failures = ok(api.post("/audit/audit/events/query", admin.token(), "{\"actions\":[\"auth.sign_in\"],"
                + "\"outcomes\":[\"failure\"],\"limit\":50}")).body().path("data");
        assertFalse(failures.toString().contains(typed.substring(2)), failures.toString());
        assertTrue(failures.toString().contains("Se\u2026 (" + typed.length() + " characters, #"), failures.toString());

        String name = "watched-" + UUID.randomUUID().toString().substring(0, 8);
        User user = api.signUpUser(name);
        assertError(api.post("/api/auth/login", null, "{\"username\":\"" + name + "\",\"password\":\"wrong\"}"),
                401, "INVALID_CREDENTIALS");
        JsonNode seen = ok(api.post("/audit/audit/events/query", user.token(), "{\"actions\":[\"auth.sign_in\"],"
                + "\"outcomes\":[\"failure\"]}")).body().path("data").get(0);
        assertEquals(user.id(), seen.path("subject_id").asText());
        assertFalse(seen.path("details").has("username"), seen.toString());
        assertTrue(seen.path("metadata").path("ip_address").isNull(), "another's address: " + seen);
        assertTrue(seen.path("metadata").path("user_agent").isNull(), seen.toString());
        JsonNode asAdmin = ok(api.get("/audit/audit/events/" + seen.path("event_id").asText(), admin.token())).body()
                .path("data");
        assertEquals("127.0.0.1", asAdmin.path("metadata").path("ip_address").asText());
    }

    @Test
    void privilegedReadsOfOthersAreRecordedAndReportsAreJsonOnly() {
        User user = api.newUser("read");
        trail(admin.token(), user.id());
        assertEquals("audit.query:success:" + admin.id(), trail(user.token(), user.id()).getFirst(),
                "the user sees that an administrator read their records");
        ok(api.post("/audit/audit/export/json", admin.token(), "{\"actions\":[\"nothing.matches\"]}"));
        JsonNode exported = ok(api.post("/audit/audit/events/query", admin.token(), "{\"user_id\":\"" + admin.id()
                + "\",\"actions\":[\"audit.export\"],\"limit\":1}")).body().path("data");
        assertEquals(1, exported.size());
        assertError(api.post("/audit/audit/compliance/reports", admin.token(), "{\"report_type\":\"gdpr\","
                + "\"period_start\":1,\"period_end\":2,\"scope\":{},\"export_format\":\"csv\"}"), 400,
                "INVALID_FORMAT");
    }

    @Test
    void anOrdinaryUserReadsOnlyTheirOwnRecords() {
        User one = api.newUser("reader");
        User other = api.newUser("other");
        assertError(api.get("/audit/audit/events/user/" + other.id(), one.token()), 403, "AUDITOR_REQUIRED");
        assertError(api.post("/audit/audit/events/query", one.token(), "{\"user_id\":\"" + other.id() + "\"}"), 403,
                "AUDITOR_REQUIRED");
        String othersEvent = ok(api.get("/audit/audit/events/user/" + other.id(), other.token())).body()
                .path("data").get(0).path("event_id").asText();
        assertError(api.get("/audit/audit/events/" + othersEvent, one.token()), 404, "AUDIT_EVENT_NOT_FOUND");
        JsonNode mine = ok(api.post("/audit/audit/events/query", one.token(), "{}")).body().path("data");
        mine.forEach(e -> assertTrue(e.path("user_id").asText().equals(one.id())
                || e.path("subject_id").asText().equals(one.id()), e.toString()));
        // The refusal itself is on the record, as the reader's.
        assertTrue(trail(one.token(), one.id()).contains("access.denied:blocked:" + one.id()));
        assertError(api.get("/audit/audit/verify", one.token()), 403, "AUDITOR_REQUIRED");
        assertError(api.get("/audit/audit/incidents", one.token()), 403, "AUDITOR_REQUIRED");
    }

    @Test
    void aSubmittedEventIsTheCallersWhateverUserTheBodyNames() {
        User user = api.newUser("forger");
        String id = ok(api.post("/audit/audit/events", user.token(), "{\"user_id\":\"" + admin.id()
                + "\",\"event_type\":\"user\",\"action\":\"report.viewed\",\"resource\":\"report\","
                + "\"outcome\":\"success\",\"severity\":\"low\",\"metadata\":{\"ip_address\":\"10.9.9.9\"}}"))
                .body().path("data").path("event_id").asText();
        JsonNode e = ok(api.get("/audit/audit/events/" + id, user.token())).body().path("data");
        assertEquals(user.id(), e.path("user_id").asText());
        assertTrue(e.path("submitted").asBoolean());
        assertEquals("127.0.0.1", e.path("metadata").path("ip_address").asText(), "the door's address, not a claim");
        assertFalse(trail(admin.token(), admin.id()).contains("report.viewed:success:" + user.id()));
    }

    @Test
    void aClientsCriticalClaimOpensNoIncidentAuditorsOpenAndHandleThem() {
        User user = api.newUser("alarm");
        JsonNode data = ok(api.post("/audit/audit/events/security", user.token(), "{\"user_id\":\"x\","
                + "\"action\":\"tamper.detected\",\"resource\":\"sensor\",\"outcome\":\"failure\","
                + "\"severity\":\"critical\",\"details\":{\"sensor\":\"s-1\"}}")).body().path("data");
        assertTrue(data.path("incident_id").isNull(), "only the service's own records open incidents: " + data);
        User auditor = api.newUser("auditor");
        assertError(api.get("/audit/audit/incidents", auditor.token()), 403, "AUDITOR_REQUIRED");
        assertError(api.put("/audit/audit/auditors/" + auditor.id(), auditor.token(), "{\"is_auditor\":true}"), 403,
                "ADMIN_REQUIRED");
        ok(api.put("/audit/audit/auditors/" + auditor.id(), admin.token(), "{\"is_auditor\":true}"));
        String incident = ok(api.post("/audit/audit/incidents", auditor.token(), "{\"title\":\"Sensor tamper\","
                + "\"description\":\"reported by the client\",\"severity\":\"critical\",\"category\":"
                + "\"data-breach\",\"affected_users\":[\"" + user.id() + "\"],\"affected_resources\":[\"s-1\"],"
                + "\"related_event_ids\":[\"" + data.path("event_id").asText() + "\"]}")).body().path("data")
                .path("incident_id").asText();
        JsonNode opened = ok(api.get("/audit/audit/incidents/" + incident, auditor.token())).body().path("data");
        assertEquals("open", opened.path("status").asText());
        assertEquals(data.path("event_id").asText(), opened.path("related_event_ids").get(0).asText());
        assertEquals("assigned", ok(api.put("/audit/audit/incidents/" + incident + "/assign", auditor.token(),
                "{\"assignee\":\"" + auditor.id() + "\"}")).body().path("data").path("status").asText());
        assertEquals("resolved", ok(api.put("/audit/audit/incidents/" + incident + "/resolve", auditor.token(),
                "{}")).body().path("data").path("status").asText());
        // The auditor reads other users' records now.
        assertTrue(trail(auditor.token(), user.id()).contains("tamper.detected:failure:" + user.id()));
    }

    @Test
    void aComplianceReportCountsWhatThePeriodHolds() {
        long start = java.time.Instant.now().getEpochSecond() - 1;
        String name = "reported-" + UUID.randomUUID().toString().substring(0, 8);
        User user = session(name);
        ok(api.post("/audit/audit/events", user.token(), "{\"event_type\":\"security\",\"action\":\"claimed\","
                + "\"resource\":\"report\",\"outcome\":\"failure\",\"severity\":\"critical\"}"));
        long end = java.time.Instant.now().getEpochSecond() + 2;
        JsonNode report = ok(api.post("/audit/audit/compliance/reports", admin.token(), "{\"report_type\":\"gdpr\","
                + "\"period_start\":" + start + ",\"period_end\":" + end + ",\"scope\":{\"user_id\":\"" + user.id()
                + "\"}}")).body().path("data").path("report");
        // Failed and successful sign-in and the key (security), the push and the approval (data); the client's
        // own claim is not a figure of the report.
        assertEquals(5, report.path("total_events").asLong(), report.toString());
        assertEquals(3, report.path("by_type").path("security").asLong());
        assertEquals(2, report.path("by_type").path("data").asLong());
        assertEquals(5, report.path("evidence").size());
        JsonNode food = ok(api.post("/audit/audit/compliance/reports/food-safety", user.token(), "{\"start_date\":"
                + start + ",\"end_date\":" + end + "}")).body();
        assertEquals(2, food.path("total_events").asLong(), "the user's own pushes and approvals");
        assertEquals(user.id(), food.path("scope").asText());
    }

    @Test
    void theChainVerifiesAndTheExportStreamsEveryRecord() {
        session("chain-" + UUID.randomUUID().toString().substring(0, 8));
        JsonNode v = ok(api.get("/audit/audit/verify", admin.token())).body().path("data");
        assertTrue(v.path("intact").asBoolean(), v.toString());
        assertTrue(v.path("records_checked").asLong() >= 7);
        long total = ok(api.get("/audit/audit/dashboard/metrics", admin.token())).body().path("data")
                .path("total_events").asLong();
        JsonNode exported = ok(api.post("/audit/audit/export/json", admin.token(), "{}")).body().path("data");
        assertTrue(exported.size() >= total, exported.size() + " < " + total);
    }

    @Test
    void activityLogsAreTheirOwnersAndOnlyAdministratorsCleanThemUp() {
        User user = api.newUser("logger");
        User other = api.newUser("peeker");
        String id = ok(api.post("/api/user-activity", user.token(), "{\"user_id\":\"" + other.id() + "\","
                + "\"workspace_id\":\"w\",\"activity_type\":\"Export\",\"category\":\"Items\","
                + "\"resource_type\":\"Item\",\"resource_id\":\"lot-7\",\"action\":\"export\","
                + "\"description\":\"Exported lot 7\"}")).body().path("data").path("activity_id").asText();
        JsonNode mine = ok(api.get("/api/user-activity?search_query=LOT", user.token())).body().path("data");
        assertEquals(1, mine.path("activities").size());
        assertEquals(user.id(), mine.path("activities").get(0).path("user_id").asText());
        assertEquals(0, ok(api.get("/api/user-activity", other.token())).body().path("data").path("activities")
                .size());
        assertError(api.get("/api/user-activity/" + id, other.token()), 404, "ACTIVITY_NOT_FOUND");
        assertError(api.get("/api/user-activity?user_id=" + user.id(), other.token()), 403, "NOT_YOUR_ACTIVITIES");
        assertEquals(1, ok(api.get("/api/user-activity/stats", user.token())).body().path("data")
                .path("by_category").path("Items").asLong());
        String tomorrow = java.time.Instant.now().plusSeconds(86_400).toString();
        assertError(api.delete("/api/user-activity/cleanup?before_date=" + tomorrow, user.token()), 403,
                "ADMIN_REQUIRED");
        assertTrue(ok(api.delete("/api/user-activity/cleanup?before_date=" + tomorrow, admin.token())).body()
                .path("data").path("deleted_count").asLong() >= 1);
        assertError(api.get("/api/user-activity/" + id, user.token()), 404, "ACTIVITY_NOT_FOUND");
        assertEquals("activity.cleanup:success:" + admin.id(), trail(admin.token(), admin.id()).getFirst());
    }

    @Test
    void anAdministratorsKeyWithoutTheAdminPermissionNeitherGrantsNorCleansNorReadsOthers() {
        User target = api.newUser("keyed");
        String plain = ok(api.post("/api/api-keys", admin.token(), "{\"name\":\"rw\",\"organization_type\":"
                + "\"Admin\",\"permissions\":{\"read\":true,\"write\":true,\"admin\":false,\"custom\":{}}}"))
                .text("api_key");
        KeyRequests machine = new KeyRequests(service.port());
        assertError(machine.send("PUT", "/audit/audit/auditors/" + target.id(), plain, "{\"is_auditor\":true}",
                java.util.Map.of()), 403, "INSUFFICIENT_KEY_PERMISSIONS");
        String tomorrow = java.time.Instant.now().plusSeconds(86_400).toString();
        assertError(machine.send("DELETE", "/api/user-activity/cleanup?before_date=" + tomorrow, plain, null,
                java.util.Map.of()), 403, "INSUFFICIENT_KEY_PERMISSIONS");
        assertError(machine.get("/audit/audit/events/user/" + target.id(), plain), 403, "AUDITOR_REQUIRED");
        assertError(machine.get("/audit/audit/verify", plain), 403, "AUDITOR_REQUIRED");
        String full = ok(api.post("/api/api-keys", admin.token(), "{\"name\":\"ops\",\"organization_type\":"
                + "\"Admin\",\"permissions\":{\"read\":true,\"write\":true,\"admin\":true,\"custom\":{}}}"))
                .text("api_key");
        ok(machine.get("/audit/audit/events/user/" + target.id(), full));
    }

    @Test
    void circuitFeedsAreReadByMembersOnly() {
        User owner = api.newUser("feeder");
        User outsider = api.newUser("outsider");
        String cid = newCircuit(owner, "Feed", "feed");
        String dfid = ok(api.post("/api/items", owner.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":"
                + "\"F-" + UUID.randomUUID() + "\"}]}")).text("dfid");
        ok(api.post("/api/circuits/" + cid + "/push/" + dfid, owner.token(), "{}"));
        JsonNode feed = ok(api.get("/api/activities", owner.token())).body();
        assertEquals(1, feed.size());
        assertEquals(cid, feed.get(0).path("circuit_id").asText());
        assertEquals(1, ok(api.get("/api/activities/user/" + owner.id(), owner.token())).body().size());
        assertEquals(0, ok(api.get("/api/activities", outsider.token())).body().size());
        assertError(api.get("/api/activities/user/" + owner.id(), outsider.token()), 403, "NOT_YOUR_ACTIVITIES");
    }
}
