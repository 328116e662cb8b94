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

    private final InMemoryRepositories stores;
    private final InMemoryDfidSequence dfids;

    InMemoryStoreRestore(InMemoryRepositories stores, InMemoryDfidSequence dfids) {
        this.stores = stores;
        this.dfids = dfids;
    }

    @Override
    public void restore(AggregateKind kind, Object record) {
        switch (kind) {
            case USER -> stores.users().restore((UserAccount) record);
            case ITEM -> {
                Item item = stores.items().restore((Item) record);
                net.defarm.domain.items.Dfid.parse(item.dfid()).ifPresent(d -> dfids.advancePast(d.sequence()));
            }
            case LID_MAPPING -> stores.lids().bind(((LidMapping) record).lid(), ((LidMapping) record).dfid());
            case PENDING_ITEM -> stores.pending().restore((PendingItem) record);
            case EVENT -> stores.events().restore((Event) record);
            case CIRCUIT -> stores.circuits().restore((Circuit) record);
            case CIRCUIT_ITEM -> stores.circuitItems().put((CircuitItem) record);
            case OPERATION -> stores.operations().restore((CircuitOperation) record);
            case ACTIVITY -> stores.activities().append((Activity) record);
            case NOTIFICATION -> stores.notifications().insert((Notification) record);
            case SNAPSHOT -> stores.snapshots().insert((StateSnapshot) record);
        }
    }
}
