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
import net.defarm.domain.shared.JsonObject;

/** Changes one of the caller's items: enrich its attributes, add identifiers, or deprecate it. */
@UseCase
public final class UpdateItem {

    private final ItemAccess access;
    private final ItemRepository items;
    private final UnitOfWork uow;
    private final Clock clock;

    public UpdateItem(ItemAccess access, ItemRepository items, UnitOfWork uow, Clock clock) {
        this.access = access;
        this.items = items;
        this.uow = uow;
        this.clock = clock;
    }

    /** Puts the attributes (new values overwrite, recorded under a fresh source entry) and adds the identifiers. */
    public Item update(Actor actor, String dfid, JsonObject enrichedData, List<Identifier> identifiers) {
        if (enrichedData == null && identifiers == null) {
            throw new InvalidInputException("NOTHING_TO_UPDATE", "Give enriched_data and/or identifiers to update");
        }
        List<Identifier> newIdentifiers = identifiers == null ? List.of() : ItemInputs.nonBlank(identifiers);
        return uow.inTransaction(() -> {
            Item item = access.writable(actor, dfid);
            Item changed = item;
            if (enrichedData != null) {
                changed = changed.enrichedWith(enrichedData, UUID.randomUUID(), clock.now());
            }
            changed = changed.withIdentifiersAdded(newIdentifiers, clock.now());
            return changed == item ? item : items.update(changed);
        });
    }

    /** Soft delete: the item stays readable with status Deprecated (nothing is ever physically deleted). */
    public Item deprecate(Actor actor, String dfid) {
        return uow.inTransaction(() -> {
            Item item = access.writable(actor, dfid);
            if (item.status().equals(ItemStatus.DEPRECATED)) {
                return item;
            }
            return items.update(item.withStatus(ItemStatus.DEPRECATED, clock.now()));
        });
    }
}
