package net.defarm.application.items;

import java.util.ArrayList;
import java.util.List;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Limits;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.DomainException;
import net.defarm.domain.shared.InvalidInputException;

/**
 * Creates many items, each on its own (one transaction per item): a refused item does not undo the others, and
 * each result says what happened to its item.
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

    public CreateItemsBatch(CreateItem createItem) {
        this.createItem = createItem;
    }

    public List<Result> createAll(Actor actor, List<CreateItem.Command> commands) {
        if (commands.size() > Limits.MAX_BATCH_ITEMS) {
            throw new InvalidInputException("BATCH_TOO_LARGE", "At most " + Limits.MAX_BATCH_ITEMS
                    + " items per batch; split the request");
        }
        List<Result> results = new ArrayList<>(commands.size());
        for (CreateItem.Command command : commands) {
            try {
                results.add(switch (createItem.create(actor, command)) {
                    case CreateItem.Created created -> new Created(created.item());
                    case CreateItem.StoredAsPending held -> Refused.of(held.refusal());
                });
            } catch (DomainException e) {
                results.add(Refused.of(e));
            }
        }
        return results;
    }
}
