package net.defarm.domain.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import org.junit.jupiter.api.Test;

/** The snapshot chain, its test vector and case 56 (docs/domain-rules.md). */
class SnapshotChainTest {

    @Test
    void snapshotIdMatchesTheReferenceVector() {
        StateSnapshot s = StateSnapshot.next(null, StateSnapshot.EntityType.ITEM, "DFID-1",
                JsonObject.of("data", JsonValue.of("one")), SnapshotOperation.itemCreated(), Map.of(),
                Instant.parse("2025-01-01T00:00:00Z"), "u");
        assertEquals("486fcce44385f0cc58e6e6d6f1d834721ebf721701d926a89044ffde83c26a2a", s.snapshotId());
        assertEquals(1, s.version());
    }

    @Test
    void timestampsUseTheShortestOfThreeSixOrNineDigits() {
        assertEquals("2025-01-01T00:00:00+00:00", StateSnapshot.rfc3339(Instant.parse("2025-01-01T00:00:00Z")));
        assertEquals("2025-01-01T00:00:00.120+00:00", StateSnapshot.rfc3339(Instant.parse("2025-01-01T00:00:00.12Z")));
        assertEquals("2025-01-01T00:00:00.123456+00:00",
                StateSnapshot.rfc3339(Instant.parse("2025-01-01T00:00:00.123456Z")));
        assertEquals("2025-01-01T00:00:00.123456789+00:00",
                StateSnapshot.rfc3339(Instant.parse("2025-01-01T00:00:00.123456789Z")));
    }

    @Test
    void aChainVerifiesAndTamperingOrBrokenLinksAreReported() {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        StateSnapshot v1 = StateSnapshot.next(null, StateSnapshot.EntityType.ITEM, "D", JsonObject.EMPTY,
                SnapshotOperation.itemCreated(), Map.of(), t, "u");
        StateSnapshot v2 = StateSnapshot.next(v1, StateSnapshot.EntityType.ITEM, "D",
                JsonObject.of("k", JsonValue.of(1)), SnapshotOperation.itemEnriched(List.of("k")), Map.of(),
                t.plusSeconds(1), "u");
        assertEquals(v1.snapshotId(), v2.parentHash());
        assertTrue(SnapshotChain.verify(List.of(v2, v1)).valid());

        StateSnapshot tampered = new StateSnapshot(v2.snapshotId(), v2.entityType(), "D", 2, v2.parentHash(),
                JsonObject.of("k", JsonValue.of(2)), v2.operation(), Map.of(), v2.timestamp(), "u");
        SnapshotChain.Verification bad = SnapshotChain.verify(List.of(v1, tampered));
        assertFalse(bad.valid());
        assertEquals(List.of(v2.snapshotId()), bad.tamperedHashes());

        StateSnapshot orphan = StateSnapshot.next(null, StateSnapshot.EntityType.ITEM, "D", JsonObject.EMPTY,
                SnapshotOperation.itemCreated(), Map.of(), t.plusSeconds(5), "u");
        StateSnapshot misLinked = new StateSnapshot(StateSnapshot.hash(StateSnapshot.EntityType.ITEM, "D", 2,
                orphan.snapshotId(), JsonObject.EMPTY, SnapshotOperation.itemCreated(), t), StateSnapshot.EntityType.ITEM,
                "D", 2, orphan.snapshotId(), JsonObject.EMPTY, SnapshotOperation.itemCreated(), Map.of(), t, "u");
        SnapshotChain.Verification brokenLink = SnapshotChain.verify(List.of(v1, misLinked));
        assertFalse(brokenLink.valid());
        assertEquals(List.of(misLinked.snapshotId()), brokenLink.brokenLinks());
        assertFalse(SnapshotChain.verify(List.of()).valid());
    }
}
