package net.defarm.adapters.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UuidOrder;

/** Keyset pages newest first (then by id, in PostgreSQL's order) over a small collection held in memory. */
final class NewestFirst {

    private NewestFirst() {
    }

    static <V> Page<V> page(Collection<V> values, Function<V, Instant> at, Function<V, UUID> id, Predicate<V> matches,
                            String kind, PageRequest page) {
        Comparator<V> order = Comparator.comparing(at).reversed()
                .thenComparing(id, (a, b) -> UuidOrder.compare(b, a));
        Predicate<V> after = v -> true;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(kind, page.cursor(), 2);
            Instant cAt = Cursor.instantFromMicros(parts.get(0));
            UUID cId = Cursor.uuid(parts.get(1));
            after = v -> {
                int c = at.apply(v).compareTo(cAt);
                return c < 0 || c == 0 && UuidOrder.compare(id.apply(v), cId) < 0;
            };
        }
        List<V> rows = values.stream().filter(matches).filter(after).sorted(order).limit(page.limit() + 1L).toList();
        return Page.of(rows, page.limit(), v -> Cursor.encode(kind, Cursor.micros(at.apply(v)), id.apply(v).toString()));
    }
}
