package net.defarm.application.shared;

import java.time.Instant;

/** Whether the system of record answers right now (a real round trip, not a remembered flag). */
@OutboundPort
public interface StoreHealth {

    Report check();

    /** {@code state} is one of: connected, failed, not_initialized (no database: the memory store). */
    record Report(String state, String message, Instant checkedAt) {
        public boolean connected() {
            return "connected".equals(state);
        }
    }
}
