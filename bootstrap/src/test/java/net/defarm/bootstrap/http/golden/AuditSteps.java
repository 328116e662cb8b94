package net.defarm.bootstrap.http.golden;

import java.time.Instant;
import net.defarm.bootstrap.http.ApiClient;

/**
 * The audit trail: submitted events (a forged user_id ignored), queries, a user's records, the auditor role,
 * incidents, compliance reports, the dashboard, the export and the chain's verification. Ordinary calls read the
 * caller's own records, so each file holds only what these steps did.
 */
final class AuditSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who clerk = s.user("clerk");
        Scene.Who stranger = s.user("stranger");
        Scene.Who auditor = s.user("auditor");
        s.service.useCases().admin().setup().createAdmin("golden-overseer", "golden-overseer@example.com",
                "Str0ng!Pass");
        ApiClient.Response login = s.api.post("/api/auth/login", null,
                "{\"username\":\"golden-overseer\",\"password\":\"Str0ng!Pass\"}");
        s.alias(login.text("user_id"), "<user:overseer>");
        Scene.Who overseer = s.credential("overseer", login.text("token"), login.text("user_id"));

        String event = s.as(clerk).post("/audit/audit/events", "{\"user_id\":\"" + overseer.id() + "\","
                + "\"event_type\":\"user\",\"action\":\"report.viewed\",\"resource\":\"report\",\"resource_id\":"
                + "\"r-1\",\"outcome\":\"success\",\"severity\":\"low\",\"details\":{\"page\":2},"
                + "\"metadata\":{\"location\":\"Goiania\"},\"compliance\":{\"gdpr\":true}}").body().path("data")
                .path("event_id").asText();
        s.as(clerk).expect(400).post("/audit/audit/events", "{\"event_type\":\"weather\",\"action\":\"a\","
                + "\"resource\":\"r\",\"outcome\":\"success\",\"severity\":\"low\"}");
        // A client's critical claim is recorded but opens no incident (incident_id null).
        s.as(clerk).post("/audit/audit/events/security", "{\"user_id\":\"x\",\"action\":"
                + "\"tamper.detected\",\"resource\":\"scale\",\"outcome\":\"failure\",\"severity\":\"critical\","
                + "\"details\":{\"scale\":\"s-7\"}}");
        s.as(clerk).post("/audit/audit/events/data-access", "{\"user_id\":\"x\",\"action\":\"lot.read\","
                + "\"resource\":\"item\",\"outcome\":\"success\",\"data_classification\":\"personal\","
                + "\"compliance_flags\":[\"lgpd\"]}");
        s.as(clerk).post("/audit/audit/events/sync", "{\"events\":[{\"event_id\":\"" + java.util.UUID.randomUUID()
                + "\",\"timestamp\":1700000000,\"user_id\":\"x\",\"event_type\":\"user\",\"action\":\"offline.export\","
                + "\"resource\":\"report\",\"outcome\":\"success\",\"severity\":\"low\",\"details\":{}}]}");
        s.as(clerk).post("/audit/audit/events/query", "{\"actions\":[\"report.viewed\"],\"limit\":5}");
        s.as(clerk).expect(403).post("/audit/audit/events/query", "{\"user_id\":\"" + stranger.id() + "\"}");
        s.as(clerk).get("/audit/audit/events/{event_id}", event);
        s.as(stranger).expect(404).get("/audit/audit/events/{event_id}", event);
        s.as(clerk).get("/audit/audit/events/user/{user_id}?event_type=user&limit=5", clerk.id());
        s.as(stranger).expect(403).get("/audit/audit/events/user/{user_id}", clerk.id());

        s.as(clerk).expect(403).put("/audit/audit/auditors/{user_id}", "{\"is_auditor\":true}", auditor.id());
        s.as(overseer).put("/audit/audit/auditors/{user_id}", "{\"is_auditor\":true}", auditor.id());
        s.as(clerk).expect(403).get("/audit/audit/incidents");
        String opened = s.as(auditor).post("/audit/audit/incidents", "{\"title\":\"Scale tampering\","
                + "\"description\":\"Weights changed by hand\",\"severity\":\"high\",\"category\":"
                + "\"policy-violation\",\"affected_users\":[\"" + clerk.id() + "\"],\"affected_resources\":"
                + "[\"scale:s-7\"],\"related_event_ids\":[]}").body().path("data").path("incident_id").asText();
        s.as(auditor).get("/audit/audit/incidents?severity=high");
        s.as(auditor).get("/audit/audit/incidents/{incident_id}", opened);
        s.as(auditor).put("/audit/audit/incidents/{incident_id}/assign", "{\"assignee\":\"" + auditor.id() + "\"}",
                opened);
        s.as(auditor).put("/audit/audit/incidents/{incident_id}/resolve", "{}", opened);

        long start = Instant.now().getEpochSecond() - 3600;
        long end = Instant.now().getEpochSecond() + 3600;
        String period = "{\"start_date\":" + start + ",\"end_date\":" + end + "}";
        s.as(clerk).post("/audit/audit/compliance/reports", "{\"report_type\":\"gdpr\",\"period_start\":" + start
                + ",\"period_end\":" + end + ",\"scope\":{\"resource_types\":[],\"event_types\":[],"
                + "\"regulations\":[\"lgpd\"]}}");
        s.as(auditor).get("/audit/audit/compliance/reports");
        s.as(clerk).post("/audit/audit/compliance/reports/gdpr", period);
        s.as(clerk).post("/audit/audit/compliance/reports/food-safety", period);
        s.as(clerk).post("/audit/audit/compliance/events?limit=2", period);
        s.as(auditor).post("/audit/audit/compliance/incidents", period);
        s.as(clerk).get("/audit/audit/dashboard/metrics");
        s.as(clerk).post("/audit/audit/export/json", "{\"actions\":[\"report.viewed\"]}");
        s.as(clerk).expect(403).get("/audit/audit/verify");
        s.as(auditor).get("/audit/audit/verify");
    }
}
