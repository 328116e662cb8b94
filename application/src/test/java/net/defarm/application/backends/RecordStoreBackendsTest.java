package net.defarm.application.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import net.defarm.application.evidence.AnchorLedger;
import net.defarm.application.evidence.ContentStore;
import net.defarm.application.shared.StoreHealth;
import net.defarm.domain.backends.AdapterCatalog;
import net.defarm.domain.circuits.AdapterType;
import org.junit.jupiter.api.Test;

/** A failing backend is reported with a fixed text: what the failure said (internal addresses) goes to the log. */
class RecordStoreBackendsTest {

    private static final String SECRET = "http://ipfs.internal.example:5001";

    /** Every call of {@code type} fails naming an internal address. */
    private static <T> T failing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getName().equals("kind")) {
                return "ipfs";
            }
            throw new IllegalStateException("node " + SECRET + " refused the call");
        }));
    }

    @Test
    void failuresAreReportedWithoutTheirDetails() {
        StoreHealth health = new StoreHealth() {
            @Override
            public Report check() {
                return new Report("failed", "connection to " + SECRET + " refused", Instant.EPOCH);
            }

            @Override
            public long storedItems() {
                return 0;
            }
        };
        RecordStoreBackends backends = new RecordStoreBackends(health, failing(ContentStore.class),
                failing(AnchorLedger.class), () -> Instant.EPOCH);
        List<BackendCheck> checks = backends.check(AdapterCatalog.entry(
                AdapterType.parse("stellar_testnet-ipfs").orElseThrow()).orElseThrow());
        assertEquals(3, checks.size(), checks.toString());
        for (BackendCheck c : checks) {
            assertFalse(c.healthy(), c.toString());
            assertFalse(c.toString().contains("internal.example"), c.toString());
        }
    }
}
