package net.defarm.application.items;

import java.util.List;
import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatus;
import net.defarm.domain.shared.InvalidInputException;

/** Merging two items that are the same thing, and splitting an item that was two things. */
@UseCase
public final class MergeItems {

    public record SplitResult(Item original, Item created) {
    }

    private final ItemAccess access;
    private final ItemRepository items;
    private final DfidIssuer dfids;
    private final UnitOfWork uow;
    private final Clock clock;

    public MergeItems(ItemAccess access, ItemRepository items, DfidIssuer dfids, UnitOfWork uow, Clock clock) {
        this.access = access;
        this.items = items;
        this.dfids = dfids;
        this.uow = uow;
        this.clock = clock;
    }

    /**
     * The primary absorbs the secondary's identifiers, attributes (secondary wins) and provenance; the secondary
     * is marked Merged and keeps its identifiers, so later submissions naming them are held as conflicts.
     */
    public Item merge(Actor actor, String primaryDfid, String secondaryDfid) {
        if (primaryDfid.equals(secondaryDfid)) {
            throw new InvalidInputException("SELF_MERGE", "Cannot merge an item with itself");
        }
        return uow.inTransaction(() -> {
            Item primary = access.writable(actor, primaryDfid);
            Item secondary = access.writable(actor, secondaryDfid);
            Item merged = items.update(primary.absorbing(secondary, clock.now()));
            items.update(secondary.withStatus(ItemStatus.MERGED, clock.now()));
            return merged;
        });
    }

    /**
     * Moves some identifiers to a new item with a new DFID; the original keeps the rest and is marked Split.
     * Every identifier moved must be one the original carries.
     */
    public SplitResult split(Actor actor, String dfid, List<Identifier> identifiersForNewItem) {
        List<Identifier> moved = ItemInputs.nonBlank(identifiersForNewItem);
        if (moved.isEmpty()) {
            throw new InvalidInputException("MISSING_FIELD", "identifiers_for_new_item must name at least one "
                    + "identifier of the item");
        }
        return uow.inTransaction(() -> {
            Item original = access.writable(actor, dfid);
            for (Identifier id : moved) {
                if (!original.hasIdentifier(id)) {
                    throw new InvalidInputException("IDENTIFIER_NOT_ON_ITEM",
                            "Identifier " + id.uniqueKey() + " is not on item " + dfid);
                }
            }
            UUID source = original.sourceEntries().isEmpty() ? UUID.randomUUID() : original.sourceEntries().getFirst();
            Item created = items.insert(Item.create(dfids.next(), moved, null, source, original.ownerId(),
                    clock.now()));
            Item remaining = items.update(original.splitOff(moved, clock.now()));
            return new SplitResult(remaining, created);
        });
    }
}
