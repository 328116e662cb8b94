package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.defarm.application.admin.UserCounts;
import net.defarm.application.admin.UserFilter;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.admin.AdminAction;
import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * Administration storage on every store: admin actions are appended, kept only with their unit of work, read newest
 * first in keyset pages (per administrator or all); the user directory filters, pages and counts accounts alike.
 */
public abstract class AdminStoreContract extends StoreContract {

    private AdminAction action(String admin, String at) {
        return new AdminAction(UUID.randomUUID(), admin, "freeze_user", "user-1",
                JsonObject.of("status", JsonValue.of("Active")), JsonObject.of("status", JsonValue.of("Suspended")),
                micros(at), "req-1");
    }

    private void record(AdminAction a) {
        store.unitOfWork().inTransaction(() -> store.adminActions().record(a));
    }

    private <T> List<T> all(java.util.function.Function<PageRequest, Page<T>> pages, int limit) {
        List<T> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = pages.apply(new PageRequest(limit, cursor));
            assertTrue(page.items().size() <= limit);
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    @Test
    void actionsAreReadBackAsRecordedNewestFirstInPages() {
        AdminAction old = action("admin-a", "2025-06-01T10:00:00.000001Z");
        AdminAction mid = action("admin-b", "2025-06-01T11:00:00.000002Z");
        AdminAction same1 = action("admin-a", "2025-06-01T12:00:00.000003Z");
        AdminAction same2 = new AdminAction(UUID.randomUUID(), "admin-a", "update_user", "user-2", null,
                JsonObject.of("tier", JsonValue.of("Basic")), same1.performedAt(), null);
        for (AdminAction a : List.of(mid, same2, old, same1)) {
            record(a);
        }
        List<AdminAction> everyone = all(p -> store.adminActions().list(null, p), 1);
        assertEquals(4, everyone.size());
        assertEquals(old, everyone.getLast(), "read back exactly as recorded");
        assertEquals(mid, everyone.get(2));
        assertEquals(List.of(same1.performedAt(), same1.performedAt()),
                everyone.subList(0, 2).stream().map(AdminAction::performedAt).toList());
        assertEquals(everyone, all(p -> store.adminActions().list(null, p), 3), "pages of any size agree");
        assertEquals(JsonValue.of((String) null), everyone.stream().filter(a -> a.equals(same2)).findFirst()
                .orElseThrow().before(), "no before state is JSON null");

        List<AdminAction> onlyA = all(p -> store.adminActions().list("admin-a", p), 2);
        assertEquals(3, onlyA.size());
        assertTrue(onlyA.stream().allMatch(a -> a.adminId().equals("admin-a")));
        assertTrue(store.adminActions().list("nobody", PageRequest.firstPage()).items().isEmpty());
    }

    @Test
    void anActionIsKeptOnlyWithItsUnitOfWork() {
        AdminAction a = action("admin-a", "2025-06-01T10:00:00.000001Z");
        assertThrows(IllegalStateException.class, () -> store.unitOfWork().inTransaction(() -> {
            store.adminActions().record(a);
            throw new IllegalStateException("the change failed");
        }));
        assertTrue(store.adminActions().list(null, PageRequest.firstPage()).items().isEmpty());
    }

    @Test
    void aForgedCursorIsRefused() {
        assertThrows(InvalidInputException.class, () -> store.adminActions().list(null,
                new PageRequest(5, "not-a-cursor")));
        assertThrows(InvalidInputException.class, () -> store.userDirectory().list(UserFilter.ALL,
                new PageRequest(5, "not-a-cursor")));
    }

    private UserAccount user(String name, UserTier tier, Instant created, Instant lastLogin) {
        UserAccount a = UserAccount.openedByAdministrator("u-" + name, name, name + "@Example.com", "$2b$04$hash",
                tier, null, created).withLastLogin(lastLogin);
        return store.unitOfWork().inTransaction(() -> store.users().insert(a));
    }

    @Test
    void theDirectoryFiltersAndPagesAccountsOldestFirst() {
        Instant t = micros("2025-06-01T12:00:00.123456Z");
        user("bob", UserTier.BASIC, t.plusSeconds(1), null);
        user("alan", UserTier.PROFESSIONAL, t, null);
        user("Alice", UserTier.BASIC, t, null);
        UserAccount root = UserAccount.openedByAdministrator("u-root", "root", "root@example.com", "$2b$04$hash",
                UserTier.ADMIN, null, t.minusSeconds(1)).administered(UserTier.ADMIN, AccountStatus.SUSPENDED,
                true, null, t);
        store.unitOfWork().inTransaction(() -> store.users().insert(root));

        List<String> ids = all(p -> store.userDirectory().list(UserFilter.ALL, p), 1).stream()
                .map(UserAccount::userId).toList();
        assertEquals(List.of("u-root", "u-Alice", "u-alan", "u-bob"), ids, "creation time, then id (byte order)");
        assertEquals(ids, all(p -> store.userDirectory().list(UserFilter.ALL, p), 3).stream()
                .map(UserAccount::userId).toList());

        assertEquals(List.of("u-Alice", "u-alan"), names(new UserFilter("AL", null, null, null, null)));
        assertEquals(List.of("u-bob"), names(new UserFilter(null, "OB@exam", null, null, null)));
        assertEquals(List.of("u-Alice", "u-bob"), names(new UserFilter(null, null, UserTier.BASIC, null, null)));
        assertEquals(List.of("u-root"), names(new UserFilter(null, null, null, AccountStatus.SUSPENDED, null)));
        assertEquals(List.of("u-root"), names(new UserFilter(null, null, null, null, true)));
        assertEquals(3, names(new UserFilter(null, null, null, null, false)).size());
        assertEquals(List.of(), names(new UserFilter("al", null, UserTier.ENTERPRISE, null, null)));
        assertEquals(List.of(), names(new UserFilter("%", null, null, null, null)), "no wildcard in a substring");
    }

    private List<String> names(UserFilter filter) {
        return store.userDirectory().list(filter, PageRequest.first(50)).items().stream().map(UserAccount::userId)
                .toList();
    }

    @Test
    void theDirectoryCountsEveryTierStatusAndRecentAccount() {
        Instant now = micros("2025-06-30T00:00:00.000001Z");
        Instant since = now.minusSeconds(30L * 86_400);
        user("old", UserTier.BASIC, since.minusSeconds(1), since);
        user("new", UserTier.ENTERPRISE, since, since.minusMillis(1));
        user("idle", UserTier.BASIC, now, null);
        UserCounts counts = store.userDirectory().counts(since);
        assertEquals(3, counts.total());
        assertEquals(2L, counts.byTier().get(UserTier.BASIC));
        assertEquals(1L, counts.byTier().get(UserTier.ENTERPRISE));
        assertEquals(0L, counts.byTier().get(UserTier.ADMIN), "every tier is present");
        assertEquals(3L, counts.byStatus().get(AccountStatus.ACTIVE));
        assertEquals(0L, counts.byStatus().get(AccountStatus.BANNED));
        assertEquals(1, counts.signedInSince(), "a sign-in exactly at the bound counts");
        assertEquals(2, counts.createdSince());
        assertEquals(0, store.userDirectory().counts(now.plusSeconds(1)).createdSince());
    }
}
