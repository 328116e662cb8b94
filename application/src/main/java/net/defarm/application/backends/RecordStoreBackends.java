package net.defarm.application.backends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.defarm.application.evidence.AnchorLedger;
import net.defarm.application.evidence.AnchorTargets;
import net.defarm.application.evidence.ContentStore;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.StoreHealth;
import net.defarm.domain.backends.AdapterCatalog;
import net.defarm.domain.evidence.Cid;

/**
 * The backends of this build, each checked with a real round trip: the system of record (items and events), the
 * configured content store for the IPFS half of an adapter, and the local ledger network that stands in for a
 * Stellar network. What an adapter names and this build does not run (Ethereum, Polygon, Arweave) is reported as
 * not configured.
 */
public final class RecordStoreBackends implements StorageBackends {

    private static final System.Logger LOG = System.getLogger(RecordStoreBackends.class.getName());
    /** A probe any content store can answer: the CID of the empty input. */
    private static final Cid PROBE = Cid.of(new byte[0]);

    private final StoreHealth store;
    private final ContentStore contents;
    private final AnchorLedger ledger;
    private final Clock clock;

    public RecordStoreBackends(StoreHealth store, ContentStore contents, AnchorLedger ledger, Clock clock) {
        this.store = store;
        this.contents = contents;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public List<BackendCheck> check(AdapterCatalog.Entry adapter) {
        List<BackendCheck> checks = new ArrayList<>();
        StoreHealth.Report report = store.check();
        boolean healthy = report.connected() || "not_initialized".equals(report.state());
        checks.add(new BackendCheck("record-store", "items and events (system of record)", true, healthy,
                healthy ? "reachable" : failed("record-store", report.message(), "the system of record is unreachable"),
                report.checkedAt()));
        Map<String, String> named = new LinkedHashMap<>();
        named.merge(adapter.itemStorage(), "item anchoring", (a, b) -> a + " and " + b);
        named.merge(adapter.eventStorage(), "event anchoring", (a, b) -> a + " and " + b);
        Optional<String> network = AnchorTargets.of(adapter.type()).flatMap(AnchorTargets.Target::ledgerNetwork);
        named.forEach((backend, role) -> checks.add(backend.equals("IPFS") ? content(role)
                : backend.startsWith("Stellar") && network.isPresent() ? chain(backend, role, network.get())
                : new BackendCheck(backend, role, false, false, backend + " is not configured in this deployment",
                        clock.now())));
        return checks;
    }

    private BackendCheck content(String role) {
        try {
            contents.has(PROBE);
            return new BackendCheck("IPFS", role, true, true, "content store '" + contents.kind() + "' reachable",
                    clock.now());
        } catch (RuntimeException e) {
            return new BackendCheck("IPFS", role, true, false, failed("IPFS", e.getMessage(), "content store '"
                    + contents.kind() + "' unreachable"), clock.now());
        }
    }

    /**
     * A fixed text for the caller; what the failure said (addresses, driver messages) goes to the log only, as any
     * signed-in user may read these checks.
     */
    private static String failed(String backend, String details, String text) {
        LOG.log(System.Logger.Level.WARNING, "backend check of " + backend + " failed: " + details);
        return text;
    }

    private BackendCheck chain(String backend, String role, String network) {
        try {
            long entries = ledger.head(network).map(h -> h.sequence()).orElse(0L);
            return new BackendCheck(backend, role, true, true, "local ledger network '" + network
                    + "' (a stand-in; no Stellar network is contacted), " + entries + " entries", clock.now());
        } catch (RuntimeException e) {
            return new BackendCheck(backend, role, true, false, failed(backend, e.getMessage(),
                    "local ledger network '" + network + "' unreachable"), clock.now());
        }
    }
}
