package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.Test;

class PostgresModeAuditTest extends AuditHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }

    private Connection connect() throws SQLException {
        TestDatabase db = database().orElseThrow();
        return DriverManager.getConnection(db.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD);
    }

    @Test
    void editingARowInTheDatabaseBreaksTheChainAtThatRow() throws SQLException {
        User user = session("tamper-" + UUID.randomUUID().toString().substring(0, 8));
        JsonNode key = ok(api.post("/audit/audit/events/query", admin.token(), "{\"user_id\":\"" + user.id()
                + "\",\"actions\":[\"api_key.create\"]}")).body().path("data").get(0);
        String id = key.path("event_id").asText();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit_events SET action = 'x' "
                    + "WHERE event_id = '" + id + "'"), "the trigger refuses updates");
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_events WHERE event_id = '"
                    + id + "'"), "and deletes");
            s.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
            s.executeUpdate("UPDATE audit_events SET action = 'api_key.view' WHERE event_id = '" + id + "'");
            JsonNode broken = ok(api.get("/audit/audit/verify", admin.token())).body().path("data");
            assertFalse(broken.path("intact").asBoolean());
            assertEquals(id, broken.path("first_broken").path("event_id").asText(), broken.toString());
            assertEquals(key.path("chain").path("seq").asLong(), broken.path("first_broken").path("seq").asLong());
            s.executeUpdate("UPDATE audit_events SET action = 'api_key.create' WHERE event_id = '" + id + "'");
            s.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
        }
        assertTrue(ok(api.get("/audit/audit/verify", admin.token())).body().path("data").path("intact").asBoolean());
    }

    private JsonNode verification() {
        return ok(api.get("/audit/audit/verify", admin.token())).body().path("data");
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (java.sql.ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    @Test
    void theGuardsRefuseWhatTheServiceNeverDoes() throws SQLException {
        session("guard-" + UUID.randomUUID().toString().substring(0, 8));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit_heads SET seq = seq + 5"),
                    "a head moves one position at a time");
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_heads"), "heads stay");
            assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO audit_heads (day, shard, seq, link) "
                    + "VALUES (DATE '2001-01-01', 0, 7, '\\x00')"), "a head starts at position 1");
            assertThrows(SQLException.class, () -> s.execute("TRUNCATE audit_events CASCADE"));
            assertThrows(SQLException.class, () -> s.execute("TRUNCATE audit_heads"));
            c.setAutoCommit(false);
            s.execute("SET LOCAL defarm.audit_retention = on");
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_events"),
                    "the old session switch opens nothing");
            c.rollback();
        }
        assertTrue(verification().path("intact").asBoolean());
    }

    @Test
    void forgedAppendsMissingHeadsAndUnreadableRowsAreReportedAsBroken() throws SQLException {
        User user = session("evidence-" + UUID.randomUUID().toString().substring(0, 8));
        String id = ok(api.post("/audit/audit/events/query", admin.token(), "{\"user_id\":\"" + user.id()
                + "\",\"actions\":[\"api_key.create\"]}")).body().path("data").get(0).path("event_id").asText();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica"); // as an owner tampering would
            String chain = "day = (SELECT day FROM audit_events WHERE event_id = '" + id + "') AND shard = "
                    + "(SELECT shard FROM audit_events WHERE event_id = '" + id + "')";
            String details = one(s, "SELECT details FROM audit_events WHERE event_id = '" + id + "'");
            for (String tampered : List.of("[1]", "{\"a\":1,\"a\":2}")) {
                s.executeUpdate("UPDATE audit_events SET details = '" + tampered + "' WHERE event_id = '" + id + "'");
                JsonNode broken = verification();
                assertFalse(broken.path("intact").asBoolean(), tampered);
                assertEquals(id, broken.path("first_broken").path("event_id").asText(), broken.toString());
            }
            s.executeUpdate("UPDATE audit_events SET details = '" + details.replace("'", "''") + "' WHERE event_id = '"
                    + id + "'");
            assertTrue(verification().path("intact").asBoolean());

            String forged = UUID.randomUUID().toString();
            s.executeUpdate("INSERT INTO audit_events SELECT '" + forged + "', at, actor_id, key_id, subject_id, "
                    + "event_type, action, resource, resource_id, outcome, severity, details, client_address, "
                    + "user_agent, request_id, metadata, compliance, submitted, day, shard, seq + 2, link "
                    + "FROM audit_events WHERE " + chain + " ORDER BY seq DESC LIMIT 1");
            JsonNode beyond = verification();
            assertFalse(beyond.path("intact").asBoolean());
            assertTrue(beyond.path("first_broken").path("reason").asText().contains("removed"), beyond.toString());
            s.executeUpdate("UPDATE audit_events SET seq = seq - 1 WHERE event_id = '" + forged + "'");
            beyond = verification();
            assertTrue(beyond.path("first_broken").path("reason").asText().contains("beyond"), beyond.toString());
            s.executeUpdate("DELETE FROM audit_events WHERE event_id = '" + forged + "'");

            String head = one(s, "SELECT seq || ',' || encode(link, 'hex') FROM audit_heads WHERE " + chain);
            s.executeUpdate("DELETE FROM audit_heads WHERE " + chain);
            JsonNode headless = verification();
            assertFalse(headless.path("intact").asBoolean());
            assertTrue(headless.path("first_broken").path("reason").asText().contains("no head"), headless.toString());
            s.executeUpdate("INSERT INTO audit_heads SELECT day, shard, " + head.split(",")[0] + ", decode('"
                    + head.split(",")[1] + "', 'hex') FROM audit_events WHERE event_id = '" + id + "'");
        }
        assertTrue(verification().path("intact").asBoolean());
    }
}
