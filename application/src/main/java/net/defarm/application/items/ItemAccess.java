package net.defarm.application.items;

import net.defarm.application.shared.Actor;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.NotFoundException;

/**
 * Who may read and change an item: its owner reads and changes it; members of a circuit it was pushed into read it.
 * An item the caller may not see answers exactly like an unknown one (404), so ids cannot be probed.
 */
public final class ItemAccess {

    private final ItemRepository items;
    private final ItemSharing sharing;

    public ItemAccess(ItemRepository items, ItemSharing sharing) {
        this.items = items;
        this.sharing = sharing;
    }

    /** The item, if the actor may read it. */
    public Item readable(Actor actor, String dfid) {
        return items.findByDfid(dfid).filter(item -> mayRead(actor, item)).orElseThrow(() -> notFound(dfid));
    }

    /** The item, if the actor may change it. */
    public Item writable(Actor actor, String dfid) {
        return items.findByDfid(dfid).filter(item -> isOwner(actor, item)).orElseThrow(() -> notFound(dfid));
    }

    public boolean mayRead(Actor actor, Item item) {
        return isOwner(actor, item) || sharing.isSharedWith(item.dfid(), actor.userId());
    }

    public static boolean isOwner(Actor actor, Item item) {
        return item.ownerId().equals(actor.userId());
    }

    /** The id the caller sent is not echoed: an answer never carries another owner's identifiers. */
    static NotFoundException notFound(String dfid) {
        return new NotFoundException("ITEM_NOT_FOUND", "Item not found");
    }
}
