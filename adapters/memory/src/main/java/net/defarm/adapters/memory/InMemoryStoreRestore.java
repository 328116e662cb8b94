package net.defarm.adapters.memory;

import net.defarm.application.storage.AggregateKind;
import net.defarm.application.storage.LidMapping;
import net.defarm.application.storage.StoreRestore;
import net.defarm.domain.circuits.Activity;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitItem;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.events.Event;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.notifications.Notification;

/** Loads records into the memory store as they were stored elsewhere (versions kept). */
public final class InMemoryStoreRestore implements StoreRestore {

    private final InMemoryUserAccountRepository users;
    private final InMemoryItemRepository items;
    private final InMemoryLidMappingRepository lids;
    private final InMemoryPendingItemRepository pending;
    private final InMemoryEventRepository events;
    private final InMemoryCircuitRepository circuits;
    private final InMemoryCircuitItemRepository circuitItems;
    private final InMemoryCircuitOperationRepository operations;
    private final InMemoryCircuitActivityRepository activities;
    private final InMemoryNotificationRepository notifications;
    private final InMemorySnapshotRepository snapshots;
    private final InMemoryDfidSequence dfids;

    InMemoryStoreRestore(InMemoryUserAccountRepository users, InMemoryItemRepository items,
                         InMemoryLidMappingRepository lids, InMemoryPendingItemRepository pending,
                         InMemoryEventRepository events, InMemoryCircuitRepository circuits,
                         InMemoryCircuitItemRepository circuitItems, InMemoryCircuitOperationRepository operations,
                         InMemoryCircuitActivityRepository activities, InMemoryNotificationRepository notifications,
                         InMemorySnapshotRepository snapshots, InMemoryDfidSequence dfids) {
        this.users = users;
        this.items = items;
        this.lids = lids;
        this.pending = pending;
        this.events = events;
        this.circuits = circuits;
        this.circuitItems = circuitItems;
        this.operations = operations;
        this.activities = activities;
        this.notifications = notifications;
        this.snapshots = snapshots;
        this.dfids = dfids;
    }

    @Override
    public void restore(AggregateKind kind, Object record) {
        switch (kind) {
            case USER -> users.restore((UserAccount) record);
            case ITEM -> {
                Item item = items.restore((Item) record);
                net.defarm.domain.items.Dfid.parse(item.dfid()).ifPresent(d -> dfids.advancePast(d.sequence()));
            }
            case LID_MAPPING -> lids.bind(((LidMapping) record).lid(), ((LidMapping) record).dfid());
            case PENDING_ITEM -> pending.restore((PendingItem) record);
            case EVENT -> events.restore((Event) record);
            case CIRCUIT -> circuits.restore((Circuit) record);
            case CIRCUIT_ITEM -> circuitItems.put((CircuitItem) record);
            case OPERATION -> operations.restore((CircuitOperation) record);
            case ACTIVITY -> activities.append((Activity) record);
            case NOTIFICATION -> notifications.insert((Notification) record);
            case SNAPSHOT -> snapshots.insert((StateSnapshot) record);
        }
    }
}
