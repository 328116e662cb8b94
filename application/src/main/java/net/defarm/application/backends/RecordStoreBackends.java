package net.defarm.application.backends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.StoreHealth;
import net.defarm.domain.backends.AdapterCatalog;

/**
 * The backends of this build: every adapter keeps its items and events in the system of record (database or
 * memory), checked with the store's own health probe. The content stores and ledgers an adapter names (IPFS,
 * Stellar, ...) are listed as not configured until a deployment provides them; a deployment that does wraps this
 * with its own checks.
 */
public final class RecordStoreBackends implements StorageBackends {

    private final StoreHealth store;
    private final Clock clock;

    public RecordStoreBackends(StoreHealth store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<BackendCheck> check(AdapterCatalog.Entry adapter) {
        List<BackendCheck> checks = new ArrayList<>();
        StoreHealth.Report report = store.check();
        boolean healthy = report.connected() || "not_initialized".equals(report.state());
        checks.add(new BackendCheck("record-store", "items and events (system of record)", true, healthy,
                healthy ? "reachable" : report.message(), report.checkedAt()));
        Map<String, String> named = new LinkedHashMap<>();
        named.merge(adapter.itemStorage(), "item anchoring", (a, b) -> a + " and " + b);
        named.merge(adapter.eventStorage(), "event anchoring", (a, b) -> a + " and " + b);
        named.forEach((backend, role) -> checks.add(new BackendCheck(backend, role, false, false,
                backend + " is not configured in this deployment", clock.now())));
        return checks;
    }
}
