package net.defarm.application.items;

import java.util.Map;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.shared.InvalidInputException;

/** The submission broke a rule; it was stored as a pending item for review (and that write is committed). */
public class ItemStoredAsPendingException extends InvalidInputException {

    public ItemStoredAsPendingException(PendingItem pending) {
        super("ITEM_STORED_AS_PENDING", "Item stored as pending: " + pending.reason().describe(),
                Map.of("pending_id", pending.pendingId().toString(), "reason", pending.reason().name()));
    }
}
