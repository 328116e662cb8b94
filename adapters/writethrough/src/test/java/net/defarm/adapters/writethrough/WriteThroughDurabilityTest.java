package net.defarm.adapters.writethrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.testing.Fixture;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every acknowledged write is in PostgreSQL; a restart loads it back; a write the database refuses leaves memory. */
class WriteThroughDurabilityTest {

    @RegisterExtension
    static final WriteThroughStores STORES = new WriteThroughStores();

    @Test
    void whatWasAcknowledgedIsInTheDatabaseAndComesBackAfterARestart() {
        StoragePorts store = STORES.fresh();
        Fixture f = new Fixture(store);
        var owner = f.newUser("owner");
        Item item = f.createItem(owner, JsonObject.of("peso", JsonValue.of(450)), Fixture.sisbov("BR123456789012"));
        Item enriched = f.items.updateItem().update(owner, item.dfid(), JsonObject.of("raca", JsonValue.of("Nelore")),
                null);
        assertEquals(enriched, STORES.database().items().findByDfid(item.dfid()).orElseThrow(),
                "the database holds exactly what memory holds, version included");

        StoragePorts restarted = STORES.restarted();
        assertEquals(enriched, restarted.items().findByDfid(item.dfid()).orElseThrow());
        Item again = new Fixture(restarted).items.updateItem().update(owner, item.dfid(),
                JsonObject.of("idade", JsonValue.of("24m")), null);
        assertEquals(enriched.version() + 1, again.version(), "versions agree after a reload, so updates go on");
        assertEquals(again, STORES.database().items().findByDfid(item.dfid()).orElseThrow());
    }

    @Test
    void aWriteTheDatabaseRefusesIsUndoneInMemory() {
        StoragePorts store = STORES.fresh();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String id = "user-" + UUID.randomUUID();
        // The database alone already has this username: memory accepts the account, PostgreSQL refuses it.
        STORES.database().unitOfWork().inTransaction(() -> STORES.database().users().insert(
                UserAccount.register("user-other", "taken", "other@example.com", "$2b$04$h", null, now)));
        assertThrows(ConflictException.class, () -> store.unitOfWork().inTransaction(() -> store.users().insert(
                UserAccount.register(id, "taken", id + "@example.com", "$2b$04$h", null, now))));
        assertTrue(store.users().findById(id).isEmpty(), "memory was rolled back with the database");
        assertTrue(store.users().findByUsername("taken").isEmpty());
    }
}
