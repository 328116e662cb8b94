package net.defarm.adapters.memory;

import net.defarm.application.storage.StoragePorts;

/** Builds a complete, empty memory store: every storage port backed by process memory. */
public final class InMemoryStorage {

    private InMemoryStorage() {
    }

    public static StoragePorts create() {
        InMemoryUnitOfWork uow = new InMemoryUnitOfWork();
        return new StoragePorts(uow, new InMemoryUserAccountRepository(uow), new InMemoryItemRepository(uow),
                new InMemoryPendingItemRepository(uow), new InMemoryLidMappingRepository(uow),
                new InMemoryDfidSequence(1), new InMemoryEventRepository(uow), new InMemoryStoreHealth());
    }
}
