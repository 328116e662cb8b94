package net.defarm.domain.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The approval time is a typed value; no stored metadata can make reading it fail. */
class CircuitOperationTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123456Z");

    private static CircuitOperation withMetadata(Map<String, String> metadata) {
        return new CircuitOperation(UUID.randomUUID(), UUID.randomUUID(), "DFID-20250101-000001-F7BD",
                CircuitOperation.Type.PUSH, "u", NOW, CircuitOperation.Status.COMPLETED, metadata, 0);
    }

    @Test
    void anApprovalRecordsItsTime() {
        CircuitOperation pending = CircuitOperation.start(UUID.randomUUID(), UUID.randomUUID(),
                "DFID-20250101-000001-F7BD", CircuitOperation.Type.PUSH, "u", true, NOW);
        assertEquals(Optional.empty(), pending.approvedAt());
        assertEquals(Optional.of(NOW.plusSeconds(5)), pending.approved("a", NOW.plusSeconds(5)).approvedAt());
    }

    @Test
    void aMissingOrUnreadableStoredTimeIsUnknown() {
        assertEquals(Optional.empty(), withMetadata(Map.of()).approvedAt());
        for (String odd : new String[] {"", "yesterday", "1700000000", "2025-03-01 10:15:30"}) {
            assertEquals(Optional.empty(), withMetadata(Map.of("approved_at", odd)).approvedAt(), odd);
        }
    }
}
