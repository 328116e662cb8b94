package net.defarm.adapters.writethrough;

import net.defarm.application.shared.StoreHealth;

/** Writes need the durable store, so its round trip is the health; the item count is what memory holds. */
final class WriteThroughStoreHealth implements StoreHealth {

    private final StoreHealth memory;
    private final StoreHealth durable;

    WriteThroughStoreHealth(StoreHealth memory, StoreHealth durable) {
        this.memory = memory;
        this.durable = durable;
    }

    @Override
    public Report check() {
        return durable.check();
    }

    @Override
    public long storedItems() {
        return memory.storedItems();
    }
}
