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

    CachingUserAccountRepository(UserAccountRepository store, CacheRegion<UserAccount> users) {
        this.store = store;
        this.users = users;
    }

    @Override
    public UserAccount insert(UserAccount account) {
        return users.afterWrite(store.insert(account), account.userId());
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
        return users.afterWrite(store.update(account), account.userId());
    }
}
