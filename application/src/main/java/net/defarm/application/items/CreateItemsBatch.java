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

    public record Result(Item item, String error, String errorCode) {
        public boolean success() {
            return item != null;
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
                results.add(new Result(createItem.create(actor, command), null, null));
            } catch (DomainException e) {
                results.add(new Result(null, e.getMessage(), e.code()));
            }
        }
        return results;
    }
}
