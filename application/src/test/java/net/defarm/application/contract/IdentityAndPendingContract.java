package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.application.items.PendingItemRepository;
import net.defarm.application.items.PendingItemRepository.PendingQuery;
import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.items.PendingPriority;
import net.defarm.domain.items.PendingReason;
import net.defarm.domain.items.Severity;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.StaleUpdateException;
import org.junit.jupiter.api.Test;

/** User accounts, pending items and LID mappings (storage contract cases USR-01/02, TOK-01, G-01/G-07/G-08, docs/storage-modes.md). */
public abstract class IdentityAndPendingContract extends StoreContract {

    private static UserAccount account(String id, String name) {
        Instant t = micros("2025-02-02T02:02:02.020202Z");
        return new UserAccount(id, name, name + "@example.com", "$2b$12$abcdefghijklmnopqrstuu", UserTier.PROFESSIONAL,
                AccountStatus.ACTIVE, 1234567890123L, t, t.plusSeconds(1), t.plusSeconds(2), true, name + "-ws",
                List.of("ipfs-ipfs", "stellar_testnet-ipfs"), 0);
    }

    @Test
    void accountsRoundTripAndStayUniqueRegardlessOfCase() {
        String id = "user-" + UUID.randomUUID();
        String name = "Ana-" + id.substring(5, 13);
        UserAccount stored = store.unitOfWork().inTransaction(() -> store.users().insert(account(id, name)));
        assertEquals(account(id, name).atVersion(1), stored);
        assertEquals(stored, store.users().findById(id).orElseThrow());
        assertEquals(stored, store.users().findByUsername(name.toUpperCase()).orElseThrow());
        assertEquals(stored, store.users().findByEmail(name.toLowerCase() + "@EXAMPLE.com").orElseThrow());
        ConflictException dup = assertThrows(ConflictException.class, () -> store.unitOfWork().inTransaction(() ->
                store.users().insert(account("user-" + UUID.randomUUID(), name.toLowerCase()))));
        assertEquals("DUPLICATE_USERNAME", dup.code());
        assertTrue(store.users().findById("user-nobody").isEmpty());
    }

    @Test
    void aRefusedRenameLeavesTheOldNameResolvable() {
        String a = "user-" + UUID.randomUUID();
        String b = "user-" + UUID.randomUUID();
        UserAccount first = store.unitOfWork().inTransaction(() -> store.users().insert(account(a, "first" + a.substring(5, 13))));
        UserAccount second = store.unitOfWork().inTransaction(() -> store.users().insert(account(b, "second" + b.substring(5, 13))));
        UserAccount renamed = new UserAccount(first.userId(), second.username(), first.email(), first.passwordHash(),
                first.tier(), first.status(), first.credits(), first.createdAt(), first.updatedAt(), first.lastLogin(),
                first.admin(), first.workspaceId(), first.availableAdapters(), first.version());
        assertThrows(ConflictException.class, () -> store.unitOfWork().inTransaction(() ->
                store.users().update(renamed)));
        assertEquals(first, store.users().findByUsername(first.username()).orElseThrow());
        UserAccount suspended = store.unitOfWork().inTransaction(() -> store.users().update(new UserAccount(
                first.userId(), first.username(), first.email(), first.passwordHash(), first.tier(),
                AccountStatus.SUSPENDED, first.credits(), first.createdAt(), first.updatedAt(), first.lastLogin(),
                first.admin(), first.workspaceId(), null, first.version())));
        assertEquals(suspended, store.users().findById(first.userId()).orElseThrow(),
                "suspended accounts stay readable; the use cases enforce the status");
        assertThrows(StaleUpdateException.class, () -> store.unitOfWork().inTransaction(() ->
                store.users().update(first)));
    }

    private PendingItem pending(String owner, PendingReason reason, Instant at) {
        return PendingItem.hold(UUID.randomUUID(), List.of(Identifier.canonical("bovino", "sisbov", "BR1"),
                        Identifier.contextual("generic", "lote", "L", "circuit")),
                JsonObject.of("x", JsonValue.of(1)), UUID.randomUUID(), reason, owner, owner + "-ws", at);
    }

    @Test
    void pendingItemsRoundTripEveryReasonAndListMostUrgentFirst() {
        String owner = newOwner();
        Instant t = micros("2025-03-03T03:03:03.303030Z");
        List<PendingReason> reasons = List.of(new PendingReason.NoIdentifiers(),
                new PendingReason.InvalidIdentifiers("Invalid identifier: k: "),
                new PendingReason.ConflictingDfids(Identifier.contextual("generic", "lote", "1"),
                        List.of("DFID-B", "DFID-A")),
                new PendingReason.DataQualityIssue("null_value", Severity.LOW, "Null value for key: x"),
                new PendingReason.ValidationError("bad"));
        PendingRepositoryCheck check = new PendingRepositoryCheck(store.pendingItems());
        for (int i = 0; i < reasons.size(); i++) {
            PendingItem p = pending(owner, reasons.get(i), t.plusSeconds(i));
            PendingItem stored = store.unitOfWork().inTransaction(() -> store.pendingItems().insert(p));
            assertEquals(p.atVersion(1), stored);
            assertEquals(stored, store.pendingItems().findById(p.pendingId()).orElseThrow());
        }
        List<PendingItem> all = check.all(new PendingQuery(owner, null, null));
        assertEquals(List.of(PendingPriority.CRITICAL, PendingPriority.HIGH, PendingPriority.NORMAL,
                PendingPriority.NORMAL, PendingPriority.LOW), all.stream().map(PendingItem::priority).toList());
        assertEquals(1, check.all(new PendingQuery(owner, "ConflictingDFIDs", null)).size());
        assertEquals(2, check.all(new PendingQuery(owner, null, PendingPriority.HIGH)).size());
        List<PendingItem> paged = check.pagedBy(new PendingQuery(owner, null, null), 2);
        assertEquals(all, paged);

        PendingItem first = all.getFirst();
        PendingItem raised = store.unitOfWork().inTransaction(() -> store.pendingItems().update(
                first.retriedAndStillPending(first.reason(), t.plusSeconds(60))));
        assertEquals(raised, store.pendingItems().findById(first.pendingId()).orElseThrow());
        assertThrows(StaleUpdateException.class, () -> store.unitOfWork().inTransaction(() ->
                store.pendingItems().update(first)));
        assertTrue(store.unitOfWork().inTransaction(() -> store.pendingItems().delete(first.pendingId())));
        assertFalse(store.unitOfWork().inTransaction(() -> store.pendingItems().delete(first.pendingId())));
        assertTrue(store.pendingItems().findById(first.pendingId()).isEmpty());
        assertEquals(Map.of(), raised.metadata());
    }

    @Test
    void lidMappingsBindOnceAndIdempotently() {
        String owner = newOwner();
        String dfid = "DFID-L";
        store.unitOfWork().inTransaction(() -> store.items().insert(net.defarm.domain.items.Item.create(dfid,
                List.of(), null, UUID.randomUUID(), owner, micros("2025-01-01T00:00:00Z"))));
        store.unitOfWork().inTransaction(() -> store.items().insert(net.defarm.domain.items.Item.create("DFID-L2",
                List.of(), null, UUID.randomUUID(), owner, micros("2025-01-01T00:00:00Z"))));
        UUID lid = UUID.randomUUID();
        store.unitOfWork().inTransaction(() -> store.lidMappings().bind(lid, dfid));
        store.unitOfWork().inTransaction(() -> store.lidMappings().bind(lid, dfid));
        assertEquals(dfid, store.lidMappings().findDfid(lid).orElseThrow());
        assertThrows(ConflictException.class, () -> store.unitOfWork().inTransaction(() ->
                store.lidMappings().bind(lid, "DFID-L2")));
        assertTrue(store.lidMappings().findDfid(UUID.randomUUID()).isEmpty());
    }

    /** Pages through a pending-item query. */
    private record PendingRepositoryCheck(PendingItemRepository repo) {
        List<PendingItem> all(PendingQuery q) {
            return repo.find(q, null, 1000);
        }

        List<PendingItem> pagedBy(PendingQuery q, int size) {
            List<PendingItem> out = new java.util.ArrayList<>();
            PendingItemRepository.PendingKey after = null;
            while (true) {
                List<PendingItem> page = repo.find(q, after, size);
                out.addAll(page);
                if (page.size() < size) {
                    return out;
                }
                after = PendingItemRepository.PendingKey.of(page.getLast());
            }
        }
    }
}
