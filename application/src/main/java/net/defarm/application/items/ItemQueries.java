package net.defarm.application.items;

import java.util.List;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatistics;
import net.defarm.domain.items.ItemStatus;

/** Reading the caller's items: one, a filtered page, by identifier, statistics. */
@UseCase
public final class ItemQueries {

    private static final String CURSOR_KIND = "items";

    private final ItemAccess access;
    private final ItemRepository items;

    public ItemQueries(ItemAccess access, ItemRepository items) {
        this.access = access;
        this.items = items;
    }

    public Item get(Actor actor, String dfid) {
        return access.readable(actor, dfid);
    }

    /** The caller's items oldest first, optionally by status and identifier key and/or value (namespace ignored). */
    public Page<Item> list(Actor actor, ItemStatus.Kind status, String identifierKey, String identifierValue,
                           PageRequest page) {
        ItemRepository.ItemQuery query = new ItemRepository.ItemQuery(actor.userId(), status, identifierKey,
                identifierValue);
        ItemRepository.ItemKey after = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR_KIND, page.cursor(), 2);
            after = new ItemRepository.ItemKey(Cursor.instantFromMicros(parts.get(0)), parts.get(1));
        }
        return Page.of(items.find(query, after, page.limit() + 1), page.limit(),
                item -> Cursor.encode(CURSOR_KIND, Cursor.micros(item.createdAt()), item.dfid()));
    }

    public ItemStatistics statistics(Actor actor) {
        return items.statistics(actor.userId());
    }
}
