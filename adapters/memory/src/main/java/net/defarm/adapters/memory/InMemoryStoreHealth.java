package net.defarm.adapters.memory;

import java.time.Instant;
import net.defarm.application.shared.StoreHealth;

/** The memory store has no database to check; it says so, as the reference did when it ran without one. */
public final class InMemoryStoreHealth implements StoreHealth {

    private final InMemoryItemRepository items;

    InMemoryStoreHealth(InMemoryItemRepository items) {
        this.items = items;
    }

    @Override
    public long storedItems() {
        return items.all().size();
    }

    @Override
    public Report check() {
        return new Report("not_initialized", "No database: the memory store is in use and data is lost on exit",
                Instant.now());
    }
}
