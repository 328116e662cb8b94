package net.defarm.application.history;

import net.defarm.application.circuits.CircuitItemRepository;
import net.defarm.application.circuits.CircuitRepository;
import net.defarm.application.delivery.Outbox;
import net.defarm.application.events.EventRepository;
import net.defarm.application.evidence.AnchorLedger;
import net.defarm.application.evidence.ContentStore;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.shared.UnitOfWork;

/** The outbound ports the storage-history context uses: its own, and those it reads or writes through. */
public record HistoryPorts(StorageHistoryRepository history, ItemRepository items, EventRepository events,
                           ContentStore contents, AnchorLedger ledger, CircuitRepository circuits,
                           CircuitItemRepository circuitItems, UserAccountRepository users, Outbox outbox,
                           UnitOfWork unitOfWork) {
}
