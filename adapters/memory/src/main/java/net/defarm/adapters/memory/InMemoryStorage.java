package net.defarm.adapters.memory;

import net.defarm.application.storage.StoragePorts;
import net.defarm.application.storage.StoreRestore;

/** Builds a complete, empty memory store: every storage port backed by process memory. */
public final class InMemoryStorage {

    private InMemoryStorage() {
    }

    /** A memory store, and the way to load records into it as they were stored elsewhere. */
    public record Opened(StoragePorts ports, StoreRestore restore) {
    }

    public static StoragePorts create() {
        return open().ports();
    }

    public static Opened open() {
        InMemoryUnitOfWork uow = new InMemoryUnitOfWork();
        InMemoryUserAccountRepository users = new InMemoryUserAccountRepository(uow);
        InMemoryItemRepository items = new InMemoryItemRepository(uow);
        InMemoryPendingItemRepository pending = new InMemoryPendingItemRepository(uow);
        InMemoryLidMappingRepository lids = new InMemoryLidMappingRepository(uow);
        InMemoryEventRepository events = new InMemoryEventRepository(uow);
        InMemoryCircuitRepository circuits = new InMemoryCircuitRepository(uow);
        InMemoryCircuitItemRepository circuitItems = new InMemoryCircuitItemRepository(uow);
        InMemoryCircuitOperationRepository operations = new InMemoryCircuitOperationRepository(uow);
        InMemoryCircuitActivityRepository activities = new InMemoryCircuitActivityRepository(uow);
        InMemoryNotificationRepository notifications = new InMemoryNotificationRepository(uow);
        InMemorySnapshotRepository snapshots = new InMemorySnapshotRepository(uow);
        InMemoryDfidSequence dfids = new InMemoryDfidSequence(1);
        StoragePorts ports = StoragePorts.builder().unitOfWork(uow).users(users).items(items).pendingItems(pending)
                .lidMappings(lids).dfidSequence(dfids).events(events).circuits(circuits).circuitItems(circuitItems)
                .operations(operations).activities(activities).notifications(notifications)
                .notificationFeed(new InMemoryNotificationFeed(uow))
                .itemSharing(new InMemoryItemSharing(circuitItems, circuits))
                .memberCircuits(new InMemoryMemberCircuits(circuits)).snapshots(snapshots)
                .health(new InMemoryStoreHealth(items)).apiKeys(new InMemoryApiKeyRepository(uow))
                .export(new InMemoryStoreExport(users, items, lids, pending, events, circuits, circuitItems,
                        operations, activities, notifications, snapshots))
                .build();
        return new Opened(ports, new InMemoryStoreRestore(users, items, lids, pending, events, circuits, circuitItems,
                operations, activities, notifications, snapshots, dfids));
    }
}
