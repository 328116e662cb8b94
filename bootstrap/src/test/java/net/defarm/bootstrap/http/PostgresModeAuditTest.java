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
}
