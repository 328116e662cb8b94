package net.defarm.application.items;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import net.defarm.application.credits.CreditCharges;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.credits.ChargedOperation;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.shared.JsonObject;

/**
 * Registers an item from its identifiers. An identifier the owner already uses enriches that item instead of
 * creating a second one; a submission that breaks a rule is stored as a pending item (which the API answers with
 * a 400 refusal naming it). With credits enforced, an accepted submission (new or enriching) costs the tier's
 * item_creation price, debited in the same transaction; a held submission costs nothing.
 */
@UseCase
public final class CreateItem {

    /** {@code enrichedData} null means "no attributes given", which differs from an empty object. */
    public record Command(List<Identifier> identifiers, JsonObject enrichedData, UUID sourceEntry) {
        public Command {
            Objects.requireNonNull(sourceEntry, "sourceEntry");
        }
    }

    /** What became of a submission. */
    public sealed interface Result {
    }

    /** The item created, or the existing item the submission enriched. */
    public record Created(Item item) implements Result {
    }

    /** The submission broke a rule and was stored as this pending item (that write is committed). */
    public record StoredAsPending(PendingItem pending) implements Result {
        /** The refusal a caller reports for it: code ITEM_STORED_AS_PENDING, with the pending id and reason. */
        public ItemStoredAsPendingException refusal() {
            return new ItemStoredAsPendingException(pending);
        }
    }

    private final EntityResolution resolution;
    private final PendingItemRepository pendingItems;
    private final UnitOfWork uow;
    private final Clock clock;
    private final CreditCharges charges;

    public CreateItem(ItemRepository items, PendingItemRepository pendingItems, DfidIssuer dfids, UnitOfWork uow,
                      Clock clock, CreditCharges charges) {
        this.resolution = new EntityResolution(items, dfids, clock);
        this.pendingItems = pendingItems;
        this.uow = uow;
        this.clock = clock;
        this.charges = charges;
    }

    public Result create(Actor actor, Command command) {
        return create(actor, command, false);
    }

    /** {@code identifiersLocked}: the caller's transaction already holds the submission's identifier locks. */
    Result create(Actor actor, Command command, boolean identifiersLocked) {
        List<Identifier> identifiers = ItemInputs.bounded(command.identifiers());
        return uow.<Result>inTransaction(() -> switch (resolution.submit(actor.userId(), identifiers,
                command.enrichedData(), command.sourceEntry(), identifiersLocked)) {
            case EntityResolution.Outcome.Resolved resolved -> {
                charges.charge(actor, ChargedOperation.ITEM_CREATION, 1, "Item creation " + resolved.item().dfid());
                yield new Created(resolved.item());
            }
            case EntityResolution.Outcome.Held held -> new StoredAsPending(pendingItems.insert(PendingItem.hold(
                    UUID.randomUUID(), identifiers, command.enrichedData(), command.sourceEntry(), held.reason(),
                    actor.userId(), actor.workspaceId(), clock.now())));
        });
    }
}
