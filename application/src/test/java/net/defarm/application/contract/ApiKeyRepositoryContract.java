package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.application.identity.ApiKeyRepository;
import net.defarm.application.identity.KeyDailyUsage;
import net.defarm.domain.access.ApiKey;
import net.defarm.domain.access.ApiKeyPermissions;
import net.defarm.domain.access.OrganizationType;
import org.junit.jupiter.api.Test;

/**
 * Stored API keys on every store: found by id and by hash, listed per owner, updated only in the owner-editable
 * fields, deleted, rolled back with their unit of work; usage deltas add up and die with their key.
 */
public abstract class ApiKeyRepositoryContract extends StoreContract {

    private ApiKey newKey(String owner, String hash, Instant created, boolean active) {
        return new ApiKey(UUID.randomUUID(), owner, "scale " + hash, "dfm_" + hash.substring(0, 4), hash,
                OrganizationType.Producer, "org-1", new ApiKeyPermissions(true, true, false, Map.of("export", true)),
                List.of("/api/items"), List.of("203.0.113.7"), 250, "barn 2", active, created,
                micros("2030-01-01T00:00:00.654321Z"), null, 0);
    }

    private ApiKey insert(ApiKey key) {
        store.unitOfWork().inTransaction(() -> store.apiKeys().insert(key));
        return key;
    }

    @Test
    void aKeyIsFoundAsStoredByIdAndByHash() {
        String owner = newOwner();
        ApiKey key = insert(newKey(owner, "hash-" + UUID.randomUUID(), micros("2025-06-01T12:00:00.123456Z"), true));
        assertEquals(key, store.apiKeys().findById(key.id()).orElseThrow());
        assertEquals(key, store.apiKeys().findByHash(key.keyHash()).orElseThrow());
        assertTrue(store.apiKeys().findByHash("other").isEmpty());
        assertTrue(store.apiKeys().findById(UUID.randomUUID()).isEmpty());
    }

    @Test
    void ownersListTheirKeysOldestFirstAndInactiveOnesOnlyWhenAsked() {
        String owner = newOwner();
        String other = newOwner();
        ApiKey second = insert(newKey(owner, "b-" + UUID.randomUUID(), micros("2025-06-02T00:00:00.000001Z"), true));
        ApiKey first = insert(newKey(owner, "a-" + UUID.randomUUID(), micros("2025-06-01T00:00:00.000001Z"), true));
        ApiKey off = insert(newKey(owner, "c-" + UUID.randomUUID(), micros("2025-06-03T00:00:00.000001Z"), false));
        insert(newKey(other, "d-" + UUID.randomUUID(), micros("2025-06-01T00:00:00.000001Z"), true));
        assertEquals(List.of(first.id(), second.id()),
                store.apiKeys().findByOwner(owner, false).stream().map(ApiKey::id).toList());
        assertEquals(List.of(first.id(), second.id(), off.id()),
                store.apiKeys().findByOwner(owner, true).stream().map(ApiKey::id).toList());
    }

    @Test
    void anUpdateWritesTheEditableFieldsAndADeleteRemovesTheKey() {
        ApiKey key = insert(newKey(newOwner(), "u-" + UUID.randomUUID(), micros("2025-06-01T00:00:00.5Z"), true));
        ApiKey changed = key.with("renamed", ApiKeyPermissions.readOnly(), false, 7, null);
        assertTrue(store.unitOfWork().inTransaction(() -> store.apiKeys().update(changed)));
        assertEquals(changed, store.apiKeys().findById(key.id()).orElseThrow());
        assertTrue(store.unitOfWork().inTransaction(() -> store.apiKeys().delete(key.id())));
        assertTrue(store.apiKeys().findByHash(key.keyHash()).isEmpty());
        assertFalse(store.unitOfWork().inTransaction(() -> store.apiKeys().delete(key.id())));
        assertFalse(store.unitOfWork().inTransaction(() -> store.apiKeys().update(changed)));
    }

    @Test
    void aRolledBackInsertLeavesNothing() {
        ApiKey key = newKey(newOwner(), "r-" + UUID.randomUUID(), micros("2025-06-01T00:00:00.5Z"), true);
        assertThrows(IllegalStateException.class, () -> store.unitOfWork().inTransaction(() -> {
            store.apiKeys().insert(key);
            throw new IllegalStateException("the use case fails after inserting");
        }));
        assertTrue(store.apiKeys().findById(key.id()).isEmpty());
        assertTrue(store.apiKeys().findByHash(key.keyHash()).isEmpty());
    }

    @Test
    void usageDeltasAddUpPerDayAndMoveLastUseForwardOnly() {
        ApiKey key = insert(newKey(newOwner(), "s-" + UUID.randomUUID(), micros("2025-06-01T00:00:00.5Z"), true));
        LocalDate d1 = LocalDate.parse("2025-06-01");
        LocalDate d2 = LocalDate.parse("2025-06-02");
        Instant late = micros("2025-06-02T10:00:00.000002Z");
        store.unitOfWork().inTransaction(() -> store.apiKeys().addUsage(List.of(
                new ApiKeyRepository.UsageDelta(key.id(), d1, 3, 1, 30, micros("2025-06-01T10:00:00.000001Z")),
                new ApiKeyRepository.UsageDelta(key.id(), d2, 2, 0, 10, late),
                new ApiKeyRepository.UsageDelta(UUID.randomUUID(), d1, 5, 0, 1, late))));
        store.unitOfWork().inTransaction(() -> store.apiKeys().addUsage(List.of(
                new ApiKeyRepository.UsageDelta(key.id(), d1, 1, 1, 5, micros("2025-06-01T11:00:00.000001Z")))));
        ApiKey stored = store.apiKeys().findById(key.id()).orElseThrow();
        assertEquals(6, stored.usageCount());
        assertEquals(late, stored.lastUsedAt(), "an older delta does not move the last use back");
        assertEquals(List.of(new KeyDailyUsage(d1, 4, 2, 35), new KeyDailyUsage(d2, 2, 0, 10)),
                store.apiKeys().dailyUsage(key.id(), d1));
        assertEquals(List.of(new KeyDailyUsage(d2, 2, 0, 10)), store.apiKeys().dailyUsage(key.id(), d2));
        assertNull(insert(newKey(newOwner(), "t-" + UUID.randomUUID(), micros("2025-06-01T00:00:00.5Z"), true))
                .lastUsedAt());
    }
}
