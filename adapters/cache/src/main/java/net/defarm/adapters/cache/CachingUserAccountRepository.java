package net.defarm.adapters.cache;

import java.util.Optional;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.domain.identity.UserAccount;

/**
 * Accounts by id from the cache (every authenticated request reads one); lookups by name or email, used only to
 * sign in and register, go to the store.
 */
final class CachingUserAccountRepository implements UserAccountRepository {

    private final UserAccountRepository store;
    private final CacheRegion<UserAccount> users;
    private final CachingUnitOfWork transactions;

    CachingUserAccountRepository(UserAccountRepository store, CacheRegion<UserAccount> users,
                                 CachingUnitOfWork transactions) {
        this.store = store;
        this.users = users;
        this.transactions = transactions;
    }

    @Override
    public UserAccount insert(UserAccount account) {
        UserAccount stored = store.insert(account);
        transactions.afterCommit(() -> users.invalidate(account.userId()));
        return stored;
    }

    @Override
    public Optional<UserAccount> findById(String userId) {
        return users.get(userId, () -> store.findById(userId));
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return store.findByUsername(username);
    }

    @Override
    public Optional<UserAccount> findByEmail(String email) {
        return store.findByEmail(email);
    }

    @Override
    public UserAccount update(UserAccount account) {
        UserAccount stored = store.update(account);
        transactions.afterCommit(() -> users.invalidate(account.userId()));
        return stored;
    }
}
