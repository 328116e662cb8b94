package net.defarm.adapters.memory;

import net.defarm.application.storage.StoragePorts;

/** Builds a complete, empty memory store: every storage port backed by process memory. */
public final class InMemoryStorage {

    private InMemoryStorage() {
    }

    public static StoragePorts create() {
        InMemoryUnitOfWork uow = new InMemoryUnitOfWork();
        InMemoryItemRepository items = new InMemoryItemRepository(uow);
        InMemoryCircuitRepository circuits = new InMemoryCircuitRepository(uow);
        InMemoryCircuitItemRepository circuitItems = new InMemoryCircuitItemRepository(items, uow);
        return new StoragePorts(uow, new InMemoryUserAccountRepository(uow), items,
                new InMemoryPendingItemRepository(uow), new InMemoryLidMappingRepository(uow),
                new InMemoryDfidSequence(1), new InMemoryEventRepository(uow), circuits, circuitItems,
                new InMemoryCircuitOperationRepository(uow), new InMemoryCircuitActivityRepository(uow),
                new InMemoryNotificationRepository(uow), new InMemoryItemSharing(circuitItems, circuits),
                new InMemoryMemberCircuits(circuits), new InMemorySnapshotRepository(uow), new InMemoryStoreHealth());
    }
}
