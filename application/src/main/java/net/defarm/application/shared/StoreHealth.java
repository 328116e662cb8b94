package net.defarm.application.shared;

import java.time.Instant;

/** Whether the system of record answers right now (a real round trip, not a remembered flag). */
@OutboundPort
public interface StoreHealth {

    Report check();

    /**
     * How many items are stored: cheap enough to read on every metrics scrape (never a full count; PostgreSQL
     * answers from its table statistics, so the figure is an estimate there).
     */
    long storedItems();

    /** {@code state} is one of: connected, failed, not_initialized (no database: the memory store). */
    record Report(String state, String message, Instant checkedAt) {
        public boolean connected() {
            return "connected".equals(state);
        }
    }
}
