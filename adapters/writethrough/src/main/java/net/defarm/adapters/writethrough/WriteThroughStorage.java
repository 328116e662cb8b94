package net.defarm.adapters.writethrough;

import java.lang.System.Logger.Level;
import java.time.Duration;
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
        // Reads that only derive from other ports (item sharing, a member's circuits) stay on memory as they are.
        StoragePorts ports = StoragePorts.builder(memory)
                .unitOfWork(both)
                .users(new WriteThroughUserAccountRepository(memory.users(), durable.users(), both))
                .items(new WriteThroughItemRepository(memory.items(), durable.items(), both))
                .pendingItems(new WriteThroughPendingItemRepository(memory.pendingItems(), durable.pendingItems(),
                        both))
                .lidMappings(new WriteThroughLidMappingRepository(memory.lidMappings(), durable.lidMappings(), both))
                .dfidSequence(durable.dfidSequence())
                .events(new WriteThroughEventRepository(memory.events(), durable.events(), both))
                .circuits(new WriteThroughCircuitRepository(memory.circuits(), durable.circuits(), both))
                .circuitItems(new WriteThroughCircuitItemRepository(memory.circuitItems(), durable.circuitItems(),
                        both))
                .operations(new WriteThroughCircuitOperationRepository(memory.operations(), durable.operations(),
                        both))
                .activities(new WriteThroughCircuitActivityRepository(memory.activities(), durable.activities(),
                        both))
                .notifications(new WriteThroughNotificationRepository(memory.notifications(),
                        durable.notifications(), both))
                .snapshots(new WriteThroughSnapshotRepository(memory.snapshots(), durable.snapshots(), both))
                .health(new WriteThroughStoreHealth(memory.health(), durable.health()))
                .export(durable.export())
                // Keys are read from the durable store on every request, so a revocation is seen at once.
                .apiKeys(durable.apiKeys())
                .build();
        return new WriteThroughStorage(ports, loaded);
    }

    public StoragePorts ports() {
        return ports;
    }

    public Loaded loaded() {
        return loaded;
    }
}
