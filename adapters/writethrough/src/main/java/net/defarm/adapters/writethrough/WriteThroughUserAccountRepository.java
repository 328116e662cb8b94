package net.defarm.adapters.writethrough;

import java.util.Optional;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.identity.UserAccount;

/** Accounts: read from memory; every write to memory, then to the durable store, in one unit of work. */
final class WriteThroughUserAccountRepository implements UserAccountRepository {

    private final UserAccountRepository memory;
    private final UserAccountRepository durable;
    private final UnitOfWork both;

    WriteThroughUserAccountRepository(UserAccountRepository memory, UserAccountRepository durable, UnitOfWork both) {
        this.memory = memory;
        this.durable = durable;
        this.both = both;
    }

    @Override
    public UserAccount insert(UserAccount account) {
        return both.inTransaction(() -> {
            UserAccount stored = memory.insert(account);
            durable.insert(account);
            return stored;
        });
    }

    @Override
    public Optional<UserAccount> findById(String userId) {
        return memory.findById(userId);
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return memory.findByUsername(username);
    }

    @Override
    public Optional<UserAccount> findByEmail(String email) {
        return memory.findByEmail(email);
    }

    @Override
    public UserAccount update(UserAccount account) {
        return both.inTransaction(() -> {
            // PostgreSQL first: a concurrent update waits on the row lock instead of building on a memory change
            // that may yet be undone.
            durable.update(account);
            return memory.update(account);
        });
    }
}
