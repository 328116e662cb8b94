package net.defarm.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.defarm.application.evidence.AnchorLedger;
import net.defarm.application.evidence.ChainVerification;
import net.defarm.application.evidence.ContentIntegrityException;
import net.defarm.application.storage.StoragePorts;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.evidence.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Evidence altered in the database itself, around the service: a changed blob is never returned, and a changed,
 * removed or re-linked ledger row is the first break {@code verify} reports. The append-only trigger refuses the
 * plain UPDATE; the test disables it first, as someone with the table owner's rights could.
 */
class PostgresEvidenceTamperTest {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    private static final Instant AT = Instant.parse("2025-06-01T12:00:00.123456Z");

    private StoragePorts threeEntries() {
        StoragePorts store = STORE.fresh();
        for (String text : new String[] {"one", "two", "three"}) {
            store.ledger().append(new AnchorLedger.Anchor("stellar-testnet", Cid.of(utf8(text)), "DFID-x", null), AT);
        }
        assertTrue(store.ledger().verify("stellar-testnet").intact());
        return store;
    }

    private void tamper(String sql) {
        STORE.database().execute("ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only");
        try {
            STORE.database().execute(sql);
        } finally {
            STORE.database().execute("ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only");
        }
    }

    @Test
    void aChangedBlobIsReportedNotReturned() {
        StoragePorts store = STORE.fresh();
        Cid cid = store.contents().put(utf8("peso 450"));
        STORE.database().execute("UPDATE content_blocks SET bytes = convert_to('peso 540', 'UTF8') WHERE cid = '"
                + cid.value() + "'");
        ContentIntegrityException e = assertThrows(ContentIntegrityException.class, () -> store.contents().get(cid));
        assertEquals(cid, e.expected());
    }

    @Test
    void theAppendOnlyTriggerRefusesChanges() {
        threeEntries();
        assertThrows(IllegalStateException.class,
                () -> STORE.database().execute("UPDATE ledger_entries SET dfid = 'other' WHERE sequence = 2"));
        assertThrows(IllegalStateException.class,
                () -> STORE.database().execute("DELETE FROM ledger_entries WHERE sequence = 2"));
    }

    @Test
    void aChangedFieldBreaksTheEntryItself() {
        StoragePorts store = threeEntries();
        tamper("UPDATE ledger_entries SET anchored_cid = '" + Cid.of(utf8("forged")).value()
                + "' WHERE sequence = 2");
        ChainVerification check = store.ledger().verify("stellar-testnet");
        assertFalse(check.intact());
        assertEquals(2, check.firstBreak().orElseThrow().sequence());
        assertEquals(1, check.entriesChecked());
    }

    @Test
    void aRecomputedHashBreaksTheNextLink() {
        StoragePorts store = threeEntries();
        LedgerEntry second = store.ledger().find("stellar-testnet", 2).orElseThrow();
        Cid forged = Cid.of(utf8("forged"));
        String rehashed = LedgerEntry.hashOf(second.network(), 2, forged, second.dfid(), second.circuitId(),
                second.recordedAt(), second.previousHash());
        tamper("UPDATE ledger_entries SET anchored_cid = '" + forged.value() + "', entry_hash = '" + rehashed
                + "' WHERE sequence = 2");
        ChainVerification check = store.ledger().verify("stellar-testnet");
        assertEquals(3, check.firstBreak().orElseThrow().sequence());
        assertTrue(check.firstBreak().orElseThrow().reason().contains("previous_hash"));
    }

    @Test
    void aRemovedEntryIsAGap() {
        StoragePorts store = threeEntries();
        tamper("DELETE FROM ledger_entries WHERE sequence = 2");
        assertEquals(2, store.ledger().verify("stellar-testnet").firstBreak().orElseThrow().sequence());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
