package net.defarm.application.storage;

import net.defarm.application.events.EventRepository;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.items.DfidSequence;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.items.LidMappingRepository;
import net.defarm.application.items.PendingItemRepository;
import net.defarm.application.shared.StoreHealth;
import net.defarm.application.shared.UnitOfWork;

/**
 * Everything a storage adapter provides, as one value: the system of record chosen at start-up (memory or
 * PostgreSQL, possibly behind caches) hands this to the use cases.
 */
public record StoragePorts(
        UnitOfWork unitOfWork,
        UserAccountRepository users,
        ItemRepository items,
        PendingItemRepository pendingItems,
        LidMappingRepository lidMappings,
        DfidSequence dfidSequence,
        EventRepository events,
        StoreHealth health) {
}
