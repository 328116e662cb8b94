package net.defarm.adapters.writethrough;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Function;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.storage.AggregateKind;
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.storage.StoreRestore;

/**
 * The write-through store (docs/storage-modes.md; the architecture the design note starts from): memory is the primary,
 * every read is served from it, and every write is committed to the durable store before it is acknowledged. At
 * start everything is loaded from the durable store into memory, kind by kind, with progress in the log; start-up
 * and memory therefore grow with the data, which is what the benchmark measures against the postgres mode.
 * Both stores share one schema, so switching between this mode and postgres is a flag flip with no migration.
 * One instance only: memory is not shared between instances.
 */
public final class WriteThroughStorage {

    private static final System.Logger LOG = System.getLogger(WriteThroughStorage.class.getName());

    /** What the load at start found and how long it took. */
    public record Loaded(long records, long items, Duration took) {
    }

    private final StoragePorts ports;
    private final Loaded loaded;

    private WriteThroughStorage(StoragePorts ports, Loaded loaded) {
        this.ports = ports;
        this.loaded = loaded;
    }

    /**
     * Loads {@code durable}'s content into the (empty) {@code memory} store through {@code restore}, then returns
     * the combined store. DFIDs come from the durable store's sequence, shared with every other deployment.
     */
    public static WriteThroughStorage open(StoragePorts memory, StoreRestore restore, StoragePorts durable) {
        long start = System.nanoTime();
        long total = 0;
        long items = 0;
        for (AggregateKind kind : AggregateKind.values()) {
            long expected = durable.export().count(kind);
            if (expected == 0) {
                continue;
            }
            long[] done = {0};
            long[] lastLog = {System.nanoTime()};
            durable.export().forEach(kind, record -> {
                restore.restore(kind, record);
                done[0]++;
                if (System.nanoTime() - lastLog[0] > 5_000_000_000L) {
                    lastLog[0] = System.nanoTime();
                    LOG.log(Level.INFO, "write-through: loading " + kind.wireName() + "s " + done[0] + "/" + expected
                            + " (" + (done[0] * 100 / expected) + "%)");
                }
            });
            LOG.log(Level.INFO, "write-through: loaded " + done[0] + " " + kind.wireName() + "(s)");
            total += done[0];
            if (kind == AggregateKind.ITEM) {
                items = done[0];
            }
        }
        Loaded loaded = new Loaded(total, items, Duration.ofNanos(System.nanoTime() - start));
        LOG.log(Level.INFO, "write-through: " + total + " records loaded into memory in " + loaded.took().toMillis()
                + " ms");
        UnitOfWork both = new WriteThroughUnitOfWork(memory.unitOfWork(), durable.unitOfWork());
        BothStores stores = new BothStores(memory, durable, both);
        // Reads that only derive from other ports (item sharing, a member's circuits) stay on memory as they are.
        StoragePorts ports = StoragePorts.builder(memory)
                .unitOfWork(both)
                .users(new WriteThroughUserAccountRepository(stores.of(StoragePorts::users)))
                .items(new WriteThroughItemRepository(stores.of(StoragePorts::items)))
                .pendingItems(new WriteThroughPendingItemRepository(stores.of(StoragePorts::pendingItems)))
                .lidMappings(new WriteThroughLidMappingRepository(stores.of(StoragePorts::lidMappings)))
                .dfidSequence(durable.dfidSequence())
                .events(new WriteThroughEventRepository(stores.of(StoragePorts::events)))
                .circuits(new WriteThroughCircuitRepository(stores.of(StoragePorts::circuits)))
                .circuitItems(new WriteThroughCircuitItemRepository(stores.of(StoragePorts::circuitItems)))
                .operations(new WriteThroughCircuitOperationRepository(stores.of(StoragePorts::operations)))
                .activities(new WriteThroughCircuitActivityRepository(stores.of(StoragePorts::activities)))
                .notifications(new WriteThroughNotificationRepository(stores.of(StoragePorts::notifications)))
                .snapshots(new WriteThroughSnapshotRepository(stores.of(StoragePorts::snapshots)))
                .health(new WriteThroughStoreHealth(memory.health(), durable.health()))
                .export(durable.export())
                // Delivery lives in PostgreSQL only: the outbox must be durable and shared with the dispatch
                // command, and these rows join the durable transaction of the change that enqueues them.
                .outbox(durable.outbox())
                .postActions(durable.postActions())
                // Keys are read from the durable store on every request, so a revocation is seen at once.
                .apiKeys(durable.apiKeys())
                .credits(new WriteThroughCreditLedger(stores.of(StoragePorts::credits)))
                // Reset tokens are consumed by a conditional update in the durable store, inside its transaction.
                .resetTokens(durable.resetTokens())
                // The record of admin actions joins the durable transaction of the change it describes; account
                // lists and counts are read from memory (the primary, holding every account) like other reads.
                .adminActions(durable.adminActions())
                // Evidence is not held in memory: blobs would only double the heap, the ledger's chain must be
                // appended under the database's lock, and receipts are read one owner's page at a time.
                .contents(durable.contents()).ledger(durable.ledger()).receipts(durable.receipts())
                // Storage history is written with the ledger entry it names, in the same durable transaction.
                .storageHistory(durable.storageHistory())
                // Shares are checked on every item read and configurations are rare: both stay in the durable
                // store, so a revocation is seen at once and nothing needs loading at start.
                .itemShares(durable.itemShares())
                .adapterConfigs(durable.adapterConfigs())
                // The audit trail is read rarely and appended under the database's chain lock: durable only, its
                // records join the durable transaction of the change they describe.
                .audit(durable.audit())
                .build();
        return new WriteThroughStorage(ports, loaded);
    }

    /** Pairs a port of the memory store with the same port of the durable store. */
    private record BothStores(StoragePorts memory, StoragePorts durable, UnitOfWork both) {

        <P> Mirror<P> of(Function<StoragePorts, P> port) {
            return new Mirror<>(port.apply(memory), port.apply(durable), both);
        }
    }

    public StoragePorts ports() {
        return ports;
    }

    public Loaded loaded() {
        return loaded;
    }
}
