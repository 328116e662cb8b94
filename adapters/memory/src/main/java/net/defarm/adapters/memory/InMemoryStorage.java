package net.defarm.adapters.memory;

import net.defarm.application.audit.AuditPorts;
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
        InMemoryRepositories stores = InMemoryRepositories.empty(uow);
        InMemoryDfidSequence dfids = new InMemoryDfidSequence(1);
        StoragePorts ports = StoragePorts.builder().unitOfWork(uow).users(stores.users())
                .items(stores.items()).pendingItems(stores.pending()).lidMappings(stores.lids()).dfidSequence(dfids)
                .events(stores.events()).circuits(stores.circuits()).circuitItems(stores.circuitItems())
                .operations(stores.operations()).activities(stores.activities())
                .notifications(stores.notifications()).notificationFeed(new InMemoryNotificationFeed(uow))
                .itemSharing(new InMemoryItemSharing(stores.circuitItems(), stores.circuits()))
                .memberCircuits(new InMemoryMemberCircuits(stores.circuits())).snapshots(stores.snapshots())
                .health(new InMemoryStoreHealth(stores.items()))
                .export(new InMemoryStoreExport(stores))
                .outbox(new InMemoryOutbox(uow)).postActions(new InMemoryPostActionRepository(uow))
                .apiKeys(new InMemoryApiKeyRepository(uow)).resetTokens(new InMemoryPasswordResetTokenRepository(uow))
                .adminActions(new InMemoryAdminActionRepository(uow))
                .userDirectory(new InMemoryUserDirectory(stores.users()))
                .contents(new InMemoryContentStore()).ledger(new InMemoryAnchorLedger(uow))
                .receipts(new InMemoryReceiptRepository(uow))
                .storageHistory(new InMemoryStorageHistoryRepository(uow))
                .itemShares(new InMemoryItemShareRepository(uow))
                .adapterConfigs(new InMemoryAdapterConfigRepository(uow))
                .credits(new InMemoryCreditLedger(stores.users(), uow))
                .audit(new AuditPorts(new InMemoryAuditRepository(uow), new InMemoryIncidentRepository(uow),
                        new InMemoryComplianceReportRepository(uow), new InMemoryAuditorRoles(uow),
                        new InMemoryUserActivityRepository(uow)))
                .build();
        return new Opened(ports, new InMemoryStoreRestore(stores, dfids));
    }
}
