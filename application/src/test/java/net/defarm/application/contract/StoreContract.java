package net.defarm.application.contract;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import net.defarm.application.storage.StoragePorts;
import net.defarm.domain.identity.UserAccount;
import org.junit.jupiter.api.BeforeEach;

/** Base of the storage contract: every store runs the same tests on a fresh, empty store. */
public abstract class StoreContract {

    /** A fresh, empty store (or a store emptied for this test). */
    protected abstract StoragePorts newStorage();

    protected StoragePorts store;

    @BeforeEach
    void openStore() {
        store = newStorage();
    }

    /** A timestamp with microsecond precision and a non-zero fraction, to catch truncation. */
    protected static Instant micros(String iso) {
        return Instant.parse(iso).truncatedTo(ChronoUnit.MICROS);
    }

    protected String newOwner() {
        String id = "user-" + UUID.randomUUID();
        Instant now = micros("2025-06-01T12:00:00.123456Z");
        store.unitOfWork().inTransaction(() -> store.users().insert(UserAccount.register(id, id, id + "@example.com",
                "$2b$04$hash", null, now)));
        return id;
    }
}
