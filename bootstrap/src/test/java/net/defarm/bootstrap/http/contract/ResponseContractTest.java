package net.defarm.bootstrap.http.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The response check refuses what the contract does not describe, and accepts what it does. */
class ResponseContractTest {

    private final ResponseContract contract = ResponseContract.SERVED;

    private static final String HEALTH = "{\"status\":\"healthy\",\"timestamp\":\"2025-01-01T00:00:00Z\","
            + "\"uptime\":\"System operational\"}";

    @Test
    void aDescribedResponseFits() {
        assertEquals(Optional.empty(), contract.violation("GET", "/health", 200, "application/json", HEALTH));
        assertEquals(Optional.empty(), contract.violation("GET", "/api/items/pending", 401, "application/json",
                "{\"error\":\"Authentication required\",\"code\":\"UNAUTHORIZED\"}"));
        assertEquals(Optional.empty(), contract.violation("DELETE", "/api/api-keys/"
                + java.util.UUID.randomUUID(), 204, null, ""));
    }

    @Test
    void anUnknownRouteOrStatusIsRefused() {
        assertTrue(contract.violation("GET", "/api/nope", 404, "application/json", "{}").orElseThrow()
                .contains("no operation"));
        assertTrue(contract.violation("PATCH", "/health", 200, "application/json", HEALTH).isPresent());
        assertTrue(contract.violation("GET", "/health", 418, "application/json", HEALTH).orElseThrow()
                .contains("status not listed"));
    }

    @Test
    void aBodyThatDoesNotFitTheSchemaIsRefused() {
        String extra = HEALTH.replace("}", ",\"java_class\":\"x\"}");
        assertTrue(contract.violation("GET", "/health", 200, "application/json", extra).isPresent());
        String missing = "{\"status\":\"healthy\"}";
        assertTrue(contract.violation("GET", "/health", 200, "application/json", missing).isPresent());
        assertTrue(contract.violation("GET", "/health", 200, "text/plain", HEALTH).isPresent());
        assertTrue(contract.violation("GET", "/api/items/pending", 401, "application/json", "{\"error\":1}")
                .isPresent());
        String item = "{\"dfid\":\"DFID-1\",\"identifiers\":[],\"enriched_data\":{},\"creation_timestamp\":1,"
                + "\"last_modified\":1,\"source_entries\":[],\"status\":\"Active\"}";
        assertEquals(Optional.empty(), contract.violation("GET", "/api/items/DFID-1", 200, "application/json", item));
        assertTrue(contract.violation("GET", "/api/items/DFID-1", 200, "application/json",
                item.replace("\"creation_timestamp\":1", "\"creation_timestamp\":\"1\"")).isPresent());
        assertTrue(contract.violation("GET", "/api/items/pending", 200, "application/json", "[" + item + "]")
                .isPresent(), "the static segment wins over /{dfid}: a pending item is not an item");
    }

    @Test
    void aJsonDialectIsCheckedUnderItsOwnMediaType() {
        String doc = "{\"@context\":[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\","
                + "{\"defarm\":\"https://ns.defarm.net/epcis/\"}],\"type\":\"EPCISDocument\",\"schemaVersion\":"
                + "\"2.0\",\"creationDate\":\"2025-01-01T12:00:00Z\",\"epcisBody\":{\"eventList\":[]}}";
        String path = "/api/items/DFID-20250101-000001-F7BD/epcis";
        assertEquals(Optional.empty(), contract.violation("GET", path, 200, "application/ld+json", doc));
        assertTrue(contract.violation("GET", path, 200, "application/json", doc).orElseThrow()
                .contains("declares application/ld+json"));
        assertTrue(contract.violation("GET", path, 200, "application/ld+json", doc.replace("\"2.0\"", "\"1.2\""))
                .isPresent());
    }
}
