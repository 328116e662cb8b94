package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.defarm.application.evidence.AnchorLedger;
import net.defarm.application.evidence.ChainVerification;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.evidence.LedgerEntry;
import org.junit.jupiter.api.Test;

/**
 * The anchoring log on every store: entries chain per network, read back exactly as appended, roll back with their
 * unit of work, and concurrent appends never fork a chain.
 */
public abstract class AnchorLedgerContract extends StoreContract {

    private static final Instant AT = micros("2025-06-01T12:00:00.123456Z");

    protected static Cid cid(String text) {
        return Cid.of(text.getBytes(StandardCharsets.UTF_8));
    }

    protected LedgerEntry append(String network, String text) {
        return store.unitOfWork().inTransaction(() -> store.ledger().append(
                new AnchorLedger.Anchor(network, cid(text), "DFID-20250601-000001-AAAA", null), AT));
    }

    @Test
    void entriesChainPerNetworkAndReadBackAsAppended() {
        LedgerEntry a1 = append("stellar-testnet", "a");
        LedgerEntry b1 = append("local", "b");
        LedgerEntry a2 = store.ledger().append(new AnchorLedger.Anchor("stellar-testnet", cid("c"), null, "circ"),
                AT.plusSeconds(1));
        assertEquals(1, a1.sequence());
        assertEquals(1, b1.sequence());
        assertEquals(2, a2.sequence());
        assertEquals(a1.entryHash(), a2.previousHash());
        assertEquals(a2.head(), store.ledger().head("stellar-testnet").orElseThrow());
        assertEquals(List.of(a1, a2), store.ledger().entries("stellar-testnet", 0, 10));
        assertEquals(List.of(a2), store.ledger().entries("stellar-testnet", 1, 10));
        assertEquals(a1, store.ledger().find("stellar-testnet", 1).orElseThrow());
        assertTrue(store.ledger().find("stellar-testnet", 3).isEmpty());
        assertTrue(store.ledger().head("stellar-mainnet").isEmpty());
        ChainVerification check = store.ledger().verify("stellar-testnet");
        assertTrue(check.intact());
        assertEquals(2, check.entriesChecked());
        assertTrue(store.ledger().verify("stellar-mainnet").intact());
    }

    @Test
    void anAppendRollsBackWithItsUnitOfWork() {
        LedgerEntry kept = append("local", "kept");
        assertThrows(IllegalStateException.class, () -> store.unitOfWork().inTransaction(() -> {
            store.ledger().append(new AnchorLedger.Anchor("local", cid("lost"), null, null), AT);
            throw new IllegalStateException("the change that anchored fails");
        }));
        assertEquals(kept.head(), store.ledger().head("local").orElseThrow());
        assertEquals(2, append("local", "next").sequence());
    }

    @Test
    void concurrentAppendsNeverForkTheChain() throws Exception {
        int writers = 8;
        int each = 10;
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        append("local", "w" + writer + "-" + i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        ChainVerification check = store.ledger().verify("local");
        assertTrue(check.intact(), check.toString());
        assertEquals(writers * each, check.entriesChecked());
        assertEquals(writers * each, store.ledger().head("local").orElseThrow().sequence());
    }
}
