package net.defarm.application.items;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Limits;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.DomainException;
import net.defarm.domain.shared.InvalidInputException;

/**
 * Creates many items in one transaction, each in a savepoint of its own: a refused item undoes only its own writes,
 * and each result says what happened to its item, exactly as if it had been created alone (credits are charged
 * item by item). One commit for the whole batch instead of one per item is what makes a batch fast.
 *
 * <p>The identifiers of every item are locked first, in one ordered step: two batches (or a batch and a single
 * create) then never wait on each other in a cycle, however their items overlap.
 */
@UseCase
public final class CreateItemsBatch {

    /** What happened to one item of the batch. */
    public sealed interface Result {
    }

    /** The item created or enriched. */
    public record Created(Item item) implements Result {
    }

    /** The item was refused (or stored as pending), with the message and code a single create would answer. */
    public record Refused(String error, String errorCode) implements Result {
        static Refused of(DomainException e) {
            return new Refused(e.getMessage(), e.code());
        }
    }

    private final CreateItem createItem;
    private final ItemRepository items;
    private final UnitOfWork uow;

    public CreateItemsBatch(CreateItem createItem, ItemRepository items, UnitOfWork uow) {
        this.createItem = createItem;
        this.items = items;
        this.uow = uow;
    }

    public List<Result> createAll(Actor actor, List<CreateItem.Command> commands) {
        if (commands.size() > Limits.MAX_BATCH_ITEMS) {
            throw new InvalidInputException("BATCH_TOO_LARGE", "At most " + Limits.MAX_BATCH_ITEMS
                    + " items per batch; split the request");
        }
        return uow.inTransaction(() -> {
            // Outside every savepoint, so that no item's rollback releases them; the items then need not lock again.
            items.lockIdentifiers(actor.userId(), uniqueKeys(commands));
            List<Result> results = new ArrayList<>(commands.size());
            for (CreateItem.Command command : commands) {
                try {
                    results.add(switch (uow.inSavepoint(() -> createItem.create(actor, command, true))) {
                        case CreateItem.Created created -> new Created(created.item());
                        case CreateItem.StoredAsPending held -> Refused.of(held.refusal());
                    });
                } catch (DomainException e) {
                    results.add(Refused.of(e));
                }
            }
            return results;
        });
    }

    /** The identifiers the batch will resolve; an item with out-of-bounds input is refused later, on its own. */
    private static Set<String> uniqueKeys(List<CreateItem.Command> commands) {
        Set<String> keys = new TreeSet<>();
        for (CreateItem.Command command : commands) {
            List<Identifier> identifiers = command.identifiers() == null ? List.of() : command.identifiers();
            if (identifiers.size() <= Limits.MAX_IDENTIFIERS) {
                identifiers.forEach(id -> keys.add(id.uniqueKey()));
            }
        }
        return keys;
    }
}
