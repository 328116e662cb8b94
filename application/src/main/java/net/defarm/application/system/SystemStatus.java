package net.defarm.application.system;

import java.time.Instant;
import net.defarm.application.shared.StoreHealth;
import net.defarm.application.shared.UseCase;

/** The health of the service as its callers see it: whether the system of record answers right now. */
@UseCase
public final class SystemStatus {

    /** {@code state} is one of: connected, failed, not_initialized (no database: the memory store). */
    public record Database(String state, String message, Instant checkedAt) {
        public boolean connected() {
            return "connected".equals(state);
        }
    }

    private final StoreHealth store;

    public SystemStatus(StoreHealth store) {
        this.store = store;
    }

    /** A real round trip to the store, not a remembered flag. */
    public Database database() {
        StoreHealth.Report report = store.check();
        return new Database(report.state(), report.message(), report.checkedAt());
    }
}
