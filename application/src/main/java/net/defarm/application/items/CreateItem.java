package net.defarm.application.items;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.shared.JsonObject;

/**
 * Registers an item from its identifiers. An identifier the owner already uses enriches that item instead of
 * creating a second one; a submission that breaks a rule is stored as a pending item and refused (400).
 */
@UseCase
public final class CreateItem {

    /** {@code enrichedData} null means "no attributes given", which differs from an empty object. */
    public record Command(List<Identifier> identifiers, JsonObject enrichedData, UUID sourceEntry) {
        public Command {
            Objects.requireNonNull(sourceEntry, "sourceEntry");
        }
    }

    private final EntityResolution resolution;
    private final PendingItemRepository pendingItems;
    private final UnitOfWork uow;
    private final Clock clock;

    public CreateItem(ItemRepository items, PendingItemRepository pendingItems, DfidIssuer dfids, UnitOfWork uow,
                      Clock clock) {
        this.resolution = new EntityResolution(items, dfids, clock);
        this.pendingItems = pendingItems;
        this.uow = uow;
        this.clock = clock;
    }

    public Item create(Actor actor, Command command) {
        List<Identifier> identifiers = ItemInputs.bounded(command.identifiers());
        Object outcome = uow.inTransaction(() -> {
            EntityResolution.Outcome result = resolution.submit(actor.userId(), identifiers, command.enrichedData(),
                    command.sourceEntry());
            if (!result.isPending()) {
                return result.item();
            }
            PendingItem pending = PendingItem.hold(UUID.randomUUID(), identifiers, command.enrichedData(),
                    command.sourceEntry(), result.pendingReason(), actor.userId(), actor.workspaceId(), clock.now());
            return pendingItems.insert(pending);
        });
        if (outcome instanceof PendingItem pending) {
            throw new ItemStoredAsPendingException(pending);
        }
        return (Item) outcome;
    }
}
