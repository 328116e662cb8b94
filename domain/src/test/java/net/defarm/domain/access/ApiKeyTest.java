package net.defarm.domain.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static ApiKey key(List<String> endpoints, List<String> ips, Instant expires) {
        return new ApiKey(UUID.randomUUID(), "user-1", "k", "dfm_abcd", "hash", OrganizationType.Producer, null,
                ApiKeyPermissions.readOnly(), endpoints, ips, 100, null, true, Instant.EPOCH, expires, null, 0);
    }

    @Test
    void readCoversGetAndHeadWriteTheChangesAdminTheAdministrationRoutes() {
        ApiKeyPermissions read = ApiKeyPermissions.readOnly();
        assertTrue(read.allows("GET", "/api/items"));
        assertTrue(read.allows("HEAD", "/api/items"));
        for (String verb : List.of("POST", "PUT", "PATCH", "DELETE")) {
            assertFalse(read.allows(verb, "/api/items"), verb);
        }
        assertFalse(read.allows("GET", "/api/admin/users"), "reading administration needs admin");
        assertFalse(read.allows("GET", "/api/admin"));
        assertTrue(read.allows("GET", "/api/administrators"), "only the /api/admin tree");
        ApiKeyPermissions write = new ApiKeyPermissions(false, true, false, Map.of());
        assertTrue(write.allows("DELETE", "/api/items/x"));
        assertFalse(write.allows("GET", "/api/items"));
        ApiKeyPermissions admin = new ApiKeyPermissions(false, false, true, Map.of());
        assertTrue(admin.allows("POST", "/api/admin/users/x/credits"));
    }

    @Test
    void endpointsArePathsOrTheirSubtrees() {
        ApiKey k = key(List.of("/api/circuits"), List.of(), null);
        assertTrue(k.allowsPath("/api/circuits"));
        assertTrue(k.allowsPath("/api/circuits/1/items"));
        assertFalse(k.allowsPath("/api/circuitsX"));
        assertFalse(k.allowsPath("/api/items"));
        assertTrue(key(List.of(), List.of(), null).allowsPath("/anything"));
    }

    @Test
    void addressesAndExpiry() {
        ApiKey k = key(List.of(), List.of("203.0.113.7"), Instant.parse("2030-01-01T00:00:00Z"));
        assertTrue(k.allowsAddress("203.0.113.7"));
        assertFalse(k.allowsAddress("198.51.100.1"));
        assertFalse(k.allowsAddress(null));
        assertFalse(k.expired(Instant.parse("2029-12-31T23:59:59Z")));
        assertTrue(k.expired(Instant.parse("2030-01-01T00:00:00Z")));
    }
}
