package net.defarm.adapters.memory;

/** The memory store's repositories of records, as the export reads them and the restore fills them. */
record InMemoryRepositories(InMemoryUserAccountRepository users, InMemoryItemRepository items,
                            InMemoryLidMappingRepository lids, InMemoryPendingItemRepository pending,
                            InMemoryEventRepository events, InMemoryCircuitRepository circuits,
                            InMemoryCircuitItemRepository circuitItems, InMemoryCircuitOperationRepository operations,
                            InMemoryCircuitActivityRepository activities, InMemoryNotificationRepository notifications,
                            InMemorySnapshotRepository snapshots) {

    /** Empty repositories, all journaled by {@code uow}. */
    static InMemoryRepositories empty(InMemoryUnitOfWork uow) {
        return new InMemoryRepositories(new InMemoryUserAccountRepository(uow), new InMemoryItemRepository(uow),
                new InMemoryLidMappingRepository(uow), new InMemoryPendingItemRepository(uow),
                new InMemoryEventRepository(uow), new InMemoryCircuitRepository(uow),
                new InMemoryCircuitItemRepository(uow), new InMemoryCircuitOperationRepository(uow),
                new InMemoryCircuitActivityRepository(uow), new InMemoryNotificationRepository(uow),
                new InMemorySnapshotRepository(uow));
    }
}
