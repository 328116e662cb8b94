package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.domain.backends.AdapterConfig;
import net.defarm.domain.backends.ConnectionDetails;
import net.defarm.domain.backends.ContractConfigs;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.items.ItemShare;
import net.defarm.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

/**
 * Item shares and adapter configurations on every store: found as stored, one share per (item, recipient),
 * recipients' shares in keyset order, a deletion seen at once, rollbacks leave nothing; configuration names unique,
 * a single default, real deletion.
 */
public abstract class SharingAndAdapterConfigContract extends StoreContract {

    private ItemShare share(String dfid, String owner, String recipient, Instant at) {
        ItemShare s = new ItemShare("SHARE-" + UUID.randomUUID(), dfid, owner, recipient, List.of("read", "audit"),
                at);
        store.unitOfWork().inTransaction(() -> store.itemShares().insert(s));
        return s;
    }

    private AdapterConfig config(String name, Instant at, AdapterType type) {
        return new AdapterConfig(UUID.randomUUID(), name, "desc " + name, type,
                new ConnectionDetails("https://pin.example.com/api", "ApiKey", 30_000, 3, 10, "sealed-key", null,
                        Map.of("X-Token", "sealed-header")),
                new ContractConfigs("CMINT", null, "testnet", null), true, false, "admin-1", at, at);
    }

    private AdapterConfig insert(AdapterConfig c) {
        store.unitOfWork().inTransaction(() -> store.adapterConfigs().insert(c));
        return c;
    }

    @Test
    void aShareIsFoundAsStoredAndGrantsTheItemSharingCheckUntilDeleted() {
        String owner = newOwner();
        String recipient = newOwner();
        ItemShare s = share("DFID-SHARED", owner, recipient, micros("2025-06-01T12:00:00.123456Z"));
        assertEquals(s, store.itemShares().findById(s.shareId()).orElseThrow());
        assertEquals(s, store.itemShares().find("DFID-SHARED", recipient).orElseThrow());
        assertTrue(store.itemShares().find("DFID-SHARED", owner).isEmpty());
        assertThrows(ConflictException.class, () -> share("DFID-SHARED", owner, recipient,
                micros("2025-06-02T12:00:00.5Z")));
        assertTrue(store.unitOfWork().inTransaction(() -> store.itemShares().delete(s.shareId())));
        assertTrue(store.itemShares().find("DFID-SHARED", recipient).isEmpty());
        assertFalse(store.unitOfWork().inTransaction(() -> store.itemShares().delete(s.shareId())));
    }

    @Test
    void aRecipientsSharesComeOldestFirstPageByPage() {
        String owner = newOwner();
        String recipient = newOwner();
        ItemShare second = share("DFID-2", owner, recipient, micros("2025-06-02T00:00:00.000001Z"));
        ItemShare first = share("DFID-1", owner, recipient, micros("2025-06-01T00:00:00.000001Z"));
        ItemShare third = share("DFID-3", owner, recipient, micros("2025-06-03T00:00:00.000001Z"));
        share("DFID-1", owner, newOwner(), micros("2025-06-01T00:00:00.000002Z"));
        assertEquals(List.of(first, second), store.itemShares().findForRecipient(recipient, null, null, 2));
        assertEquals(List.of(third), store.itemShares().findForRecipient(recipient, second.sharedAt(),
                second.shareId(), 2));
    }

    @Test
    void aRolledBackShareLeavesNothing() {
        String owner = newOwner();
        String recipient = newOwner();
        assertThrows(IllegalStateException.class, () -> store.unitOfWork().inTransaction(() -> {
            store.itemShares().insert(new ItemShare("SHARE-R", "DFID-R", owner, recipient, null, Instant.EPOCH));
            throw new IllegalStateException("the use case fails after sharing");
        }));
        assertTrue(store.itemShares().find("DFID-R", recipient).isEmpty());
        assertTrue(store.itemShares().findById("SHARE-R").isEmpty());
    }

    @Test
    void configurationsAreStoredWithTheirSealedSecretsAndNamesAreUnique() {
        AdapterConfig c = insert(config("pinata-" + UUID.randomUUID(), micros("2025-06-01T00:00:00.25Z"),
                AdapterType.IPFS_IPFS));
        assertEquals(c, store.adapterConfigs().findById(c.configId()).orElseThrow());
        assertThrows(ConflictException.class, () -> insert(config(c.name(), micros("2025-06-02T00:00:00Z"),
                AdapterType.IPFS_IPFS)));
        AdapterConfig changed = c.changed("renamed-" + UUID.randomUUID(), null, c.connection(), null, false,
                micros("2025-06-03T00:00:00.5Z"));
        assertTrue(store.unitOfWork().inTransaction(() -> store.adapterConfigs().update(changed)));
        assertEquals(changed, store.adapterConfigs().findById(c.configId()).orElseThrow());
        assertEquals(List.of(), store.adapterConfigs().find(true, null, null, 10));
        assertEquals(List.of(changed), store.adapterConfigs().find(false, null, null, 10));
        assertTrue(store.unitOfWork().inTransaction(() -> store.adapterConfigs().delete(c.configId())));
        assertTrue(store.adapterConfigs().findById(c.configId()).isEmpty());
        assertFalse(store.unitOfWork().inTransaction(() -> store.adapterConfigs().delete(c.configId())));
    }

    @Test
    void anUpdateFromACopyReadBeforeASetDefaultKeepsTheDefault() {
        AdapterConfig a = insert(config("stale-" + UUID.randomUUID(), micros("2025-06-01T00:00:00.2Z"),
                AdapterType.IPFS_IPFS));
        AdapterConfig stale = store.adapterConfigs().findById(a.configId()).orElseThrow();
        assertTrue(store.unitOfWork().inTransaction(() -> store.adapterConfigs().setDefault(a.configId())));
        AdapterConfig edited = stale.changed(stale.name(), "edited", stale.connection(), null, true,
                micros("2025-06-02T00:00:00Z"));
        assertTrue(store.unitOfWork().inTransaction(() -> store.adapterConfigs().update(edited)));
        AdapterConfig stored = store.adapterConfigs().findById(a.configId()).orElseThrow();
        assertEquals("edited", stored.description());
        assertTrue(stored.isDefault());
    }

    @Test
    void exactlyOneConfigurationIsTheDefaultAndListsPageInCreationOrder() {
        AdapterConfig a = insert(config("a-" + UUID.randomUUID(), micros("2025-06-01T00:00:00.1Z"),
                AdapterType.IPFS_IPFS));
        AdapterConfig b = insert(config("b-" + UUID.randomUUID(), micros("2025-06-02T00:00:00.1Z"),
                AdapterType.STELLAR_TESTNET_IPFS));
        assertTrue(store.unitOfWork().inTransaction(() -> store.adapterConfigs().setDefault(a.configId())));
        assertTrue(store.unitOfWork().inTransaction(() -> store.adapterConfigs().setDefault(b.configId())));
        assertFalse(store.adapterConfigs().findById(a.configId()).orElseThrow().isDefault());
        assertTrue(store.adapterConfigs().findById(b.configId()).orElseThrow().isDefault());
        assertFalse(store.unitOfWork().inTransaction(() -> store.adapterConfigs().setDefault(UUID.randomUUID())));
        assertTrue(store.adapterConfigs().findById(b.configId()).orElseThrow().isDefault());
        assertEquals(List.of(a.configId()), store.adapterConfigs().find(false, null, null, 1).stream()
                .map(AdapterConfig::configId).toList());
        assertEquals(List.of(b.configId()), store.adapterConfigs().find(false, a.createdAt(), a.configId(), 5)
                .stream().map(AdapterConfig::configId).toList());
        assertEquals(List.of(b.configId()), store.adapterConfigs().findActive(AdapterType.STELLAR_TESTNET_IPFS, 5)
                .stream().map(AdapterConfig::configId).toList());
    }
}
