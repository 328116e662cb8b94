package net.defarm.application.items;

import net.defarm.application.credits.CreditCharges;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;

/** The items context's inbound ports, as the HTTP adapter receives them. */
public record ItemUseCases(CreateItem createItem, CreateItemsBatch createItemsBatch, UpdateItem updateItem,
                           MergeItems mergeItems, ItemQueries queries, PendingItems pendingItems,
                           LocalItems localItems, ItemAccess access) {

    public static ItemUseCases create(ItemRepository items, PendingItemRepository pending,
                                      LidMappingRepository mappings, DfidSequence sequence, ItemSharing sharing,
                                      UnitOfWork uow, Clock clock, CreditCharges charges) {
        ItemAccess access = new ItemAccess(items, sharing);
        DfidIssuer dfids = new DfidIssuer(sequence, clock);
        CreateItem createItem = new CreateItem(items, pending, dfids, uow, clock, charges);
        return new ItemUseCases(createItem, new CreateItemsBatch(createItem, items, uow), new UpdateItem(access, items, uow, clock),
                new MergeItems(access, items, dfids, uow, clock), new ItemQueries(access, items),
                new PendingItems(pending, items, dfids, uow, clock), new LocalItems(items, mappings, uow, clock),
                access);
    }
}
