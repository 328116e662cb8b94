package net.defarm.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.access.ApiKey;
import net.defarm.domain.identity.UserAccount;
import org.junit.jupiter.api.Test;

/**
 * An account written through the wrapped store is forgotten when the outermost transaction has ended (committed or
 * failed), never while it is still open: a reader in between could otherwise keep the old state again.
 */
class CredentialChangesTest {

    private final List<String> events = new ArrayList<>();

    private final RecentCredentials recent = new RecentCredentials() {
        @Override
        public Optional<UserAccount> account(String userId, Function<String, Optional<UserAccount>> load) {
            return load.apply(userId);
        }

        @Override
        public Optional<ApiKey> key(String keyHash, Function<String, Optional<ApiKey>> load) {
            return load.apply(keyHash);
        }

        @Override
        public void forgetAccount(String userId) {
            events.add("forget " + userId);
        }

        @Override
        public void forgetKey(String keyHash) {
            events.add("forget key " + keyHash);
        }
    };

    private final UnitOfWork store = new UnitOfWork() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            events.add("begin");
            T answer = work.get();
            events.add("commit");
            return answer;
        }

        @Override
        public <T> T inSavepoint(Supplier<T> work) {
            return work.get();
        }
    };

    private final UserAccountRepository accounts = new UserAccountRepository() {
        @Override
        public UserAccount insert(UserAccount account) {
            return account;
        }

        @Override
        public Optional<UserAccount> findById(String userId) {
            return Optional.empty();
        }

        @Override
        public Optional<UserAccount> findByUsername(String username) {
            return Optional.empty();
        }

        @Override
        public Optional<UserAccount> findByEmail(String email) {
            return Optional.empty();
        }

        @Override
        public UserAccount update(UserAccount account) {
            events.add("update " + account.userId());
            return account;
        }
    };

    private static UserAccount account() {
        return UserAccount.register("u-1", "ana", "ana@example.com", "hash", null,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void anUpdateIsForgottenAfterTheOutermostTransaction() {
        CredentialChanges changes = new CredentialChanges(recent);
        UnitOfWork uow = changes.transactions(store);
        UserAccountRepository users = changes.accounts(accounts);
        uow.inTransaction(() -> uow.inTransaction(() -> users.update(account())));
        assertEquals(List.of("begin", "update u-1", "commit", "forget u-1"), events);
    }

    @Test
    void outsideATransactionTheUpdateIsForgottenRightAfterIt() {
        CredentialChanges changes = new CredentialChanges(recent);
        changes.accounts(accounts).update(account());
        assertEquals(List.of("update u-1", "forget u-1"), events);
    }

    @Test
    void aFailedTransactionStillForgets() {
        CredentialChanges changes = new CredentialChanges(recent);
        UnitOfWork uow = changes.transactions(store);
        UserAccountRepository users = changes.accounts(accounts);
        assertThrows(IllegalStateException.class, () -> uow.inTransaction(() -> {
            users.update(account());
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(List.of("begin", "update u-1", "forget u-1"), events);
    }
}
