package net.defarm.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import net.defarm.application.admin.AdminActionRepository;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UuidOrder;
import net.defarm.domain.admin.AdminAction;

/** Admin actions held in memory, newest first: appended, undone only when their unit of work rolls back. */
public final class InMemoryAdminActionRepository implements AdminActionRepository {

    static final String CURSOR = "admin-actions";

    private record Key(Instant at, UUID id) {
    }

    /** Newest first, then by id (descending, in PostgreSQL's unsigned order) so both stores page alike. */
    private static final Comparator<Key> NEWEST_FIRST = Comparator.comparing(Key::at).reversed()
            .thenComparing(Key::id, (a, b) -> UuidOrder.compare(b, a));

    private final NavigableSet<Key> order = new ConcurrentSkipListSet<>(NEWEST_FIRST);
    private final Map<UUID, AdminAction> actions = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryAdminActionRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void record(AdminAction action) {
        if (actions.putIfAbsent(action.actionId(), action) != null) {
            throw new IllegalStateException("admin action " + action.actionId() + " is already recorded");
        }
        Key key = new Key(action.performedAt(), action.actionId());
        order.add(key);
        uow.onRollback(() -> {
            order.remove(key);
            actions.remove(action.actionId());
        });
    }

    @Override
    public Page<AdminAction> list(String adminId, PageRequest page) {
        Key after = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR, page.cursor(), 2);
            after = new Key(Cursor.instantFromMicros(parts.get(0)), Cursor.uuid(parts.get(1)));
        }
        List<AdminAction> rows = KeysetPage.of(order, after, k -> actions.get(k.id()),
                a -> adminId == null || a.adminId().equals(adminId), page.limit() + 1);
        return Page.of(rows, page.limit(), a -> Cursor.encode(CURSOR, Cursor.micros(a.performedAt()),
                a.actionId().toString()));
    }
}
