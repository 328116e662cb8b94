package net.defarm.adapters.writethrough;

import java.util.Optional;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.domain.identity.UserAccount;

/** Accounts: read from memory; every write to memory, then to the durable store, in one unit of work. */
final class WriteThroughUserAccountRepository implements UserAccountRepository {

    private final Mirror<UserAccountRepository> stores;

    WriteThroughUserAccountRepository(Mirror<UserAccountRepository> stores) {
        this.stores = stores;
    }

    @Override
    public UserAccount insert(UserAccount account) {
        return stores.memoryDecides(port -> port.insert(account));
    }

    @Override
    public Optional<UserAccount> findById(String userId) {
        return stores.memory().findById(userId);
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return stores.memory().findByUsername(username);
    }

    @Override
    public Optional<UserAccount> findByEmail(String email) {
        return stores.memory().findByEmail(email);
    }

    @Override
    public UserAccount update(UserAccount account) {
        return stores.durableFirst(port -> port.update(account));
    }
}
