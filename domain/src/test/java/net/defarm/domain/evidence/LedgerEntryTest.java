package net.defarm.domain.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {

    private static final Instant AT = Instant.parse("2025-06-01T12:00:00.123456789Z");
    private static final Cid CID = Cid.of("peso 450".getBytes(StandardCharsets.UTF_8));

    @Test
    void theFirstEntryLinksToGenesisAndTheNextToItsPredecessor() {
        LedgerEntry first = LedgerEntry.next(null, "local", CID, "DFID-1", null, AT);
        assertEquals(1, first.sequence());
        assertEquals(LedgerEntry.GENESIS, first.previousHash());
        assertEquals(Instant.parse("2025-06-01T12:00:00.123456Z"), first.recordedAt());
        assertEquals(first.entryHash(), first.recomputedHash());
        LedgerEntry second = LedgerEntry.next(first.head(), "local", CID, null, "circuit-1", AT);
        assertEquals(2, second.sequence());
        assertEquals(first.entryHash(), second.previousHash());
        assertNotEquals(first.entryHash(), second.entryHash());
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        LedgerEntry e = LedgerEntry.next(null, "local", CID, "DFID-1", "c", AT);
        Cid other = Cid.of(new byte[0]);
        for (LedgerEntry changed : new LedgerEntry[] {
                new LedgerEntry("stellar-testnet", 1, CID, "DFID-1", "c", e.recordedAt(), e.previousHash(), e.entryHash()),
                new LedgerEntry("local", 2, CID, "DFID-1", "c", e.recordedAt(), e.previousHash(), e.entryHash()),
                new LedgerEntry("local", 1, other, "DFID-1", "c", e.recordedAt(), e.previousHash(), e.entryHash()),
                new LedgerEntry("local", 1, CID, "DFID-2", "c", e.recordedAt(), e.previousHash(), e.entryHash()),
                new LedgerEntry("local", 1, CID, "DFID-1", null, e.recordedAt(), e.previousHash(), e.entryHash()),
                new LedgerEntry("local", 1, CID, "DFID-1", "c", e.recordedAt().plusNanos(1000), e.previousHash(),
                        e.entryHash()),
                new LedgerEntry("local", 1, CID, "DFID-1", "c", e.recordedAt(), "1".repeat(64), e.entryHash())}) {
            assertNotEquals(changed.entryHash(), changed.recomputedHash(), changed.toString());
        }
    }

    @Test
    void aHeadOfAnotherNetworkCannotBeChained() {
        LedgerEntry first = LedgerEntry.next(null, "local", CID, null, null, AT);
        assertThrows(IllegalArgumentException.class,
                () -> LedgerEntry.next(first.head(), "stellar-testnet", CID, null, null, AT));
    }
}
