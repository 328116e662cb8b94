package net.defarm.application.storage;

import net.defarm.application.circuits.CircuitActivityRepository;
import net.defarm.application.circuits.CircuitItemRepository;
import net.defarm.application.circuits.CircuitOperationRepository;
import net.defarm.application.circuits.CircuitRepository;
import net.defarm.application.events.EventRepository;
import net.defarm.application.events.MemberCircuits;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.integrity.SnapshotRepository;
import net.defarm.application.items.DfidSequence;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.items.ItemSharing;
import net.defarm.application.items.LidMappingRepository;
import net.defarm.application.items.PendingItemRepository;
import net.defarm.application.notifications.NotificationRepository;
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
        CircuitRepository circuits,
        CircuitItemRepository circuitItems,
        CircuitOperationRepository operations,
        CircuitActivityRepository activities,
        NotificationRepository notifications,
        ItemSharing itemSharing,
        MemberCircuits memberCircuits,
        SnapshotRepository snapshots,
        StoreHealth health,
        StoreExport export) {
}
