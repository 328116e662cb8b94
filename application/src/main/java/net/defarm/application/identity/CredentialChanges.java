package net.defarm.application.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.access.ApiKey;
import net.defarm.domain.identity.UserAccount;

/**
 * Makes every change this instance writes to an account or an API key drop it from {@link RecentCredentials}, so
 * that on one instance a suspension, a deletion, a password reset or a revocation counts from the next request, as
 * if nothing were kept. The stores are wrapped, not the use cases: no writer can forget to tell.
 *
 * <p>The entry is dropped once the outermost transaction has ended (committed or not), never before: a request
 * reading the account between the write and the commit would otherwise keep the old state again. Dropping waits for
 * a read of the entry in progress and discards it, so no read that began before the commit survives it (the same
 * rule as the cache tier's, ADR 0005).
 */
public final class CredentialChanges {

    private final RecentCredentials recent;
    private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

    public CredentialChanges(RecentCredentials recent) {
        this.recent = recent;
    }

    /** {@code store}'s transactions, which drop the entries their writes changed when they end. */
    public UnitOfWork transactions(UnitOfWork store) {
        return new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                if (pending.get() != null) {
                    return work.get();
                }
                List<Runnable> forget = new ArrayList<>();
                pending.set(forget);
                try {
                    return store.inTransaction(work);
                } finally {
                    pending.remove();
                    forget.forEach(Runnable::run);
                }
            }

            @Override
            public <T> T inSavepoint(Supplier<T> work) {
                return pending.get() == null ? inTransaction(work) : store.inSavepoint(work);
            }
        };
    }

    /** {@code store}'s accounts; an update drops the account (an insert needs nothing: absences are not kept). */
    public UserAccountRepository accounts(UserAccountRepository store) {
        return new UserAccountRepository() {
            @Override
            public UserAccount insert(UserAccount account) {
                return store.insert(account);
            }

            @Override
            public Optional<UserAccount> findById(String userId) {
                return store.findById(userId);
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
                return changing(() -> recent.forgetAccount(account.userId()), () -> store.update(account));
            }
        };
    }

    /** {@code store}'s keys; an update or a deletion drops the key (usage counters are not part of the check). */
    public ApiKeyRepository keys(ApiKeyRepository store) {
        return new ApiKeyRepository() {
            @Override
            public void insert(ApiKey key) {
                store.insert(key);
            }

            @Override
            public Optional<ApiKey> findById(UUID id) {
                return store.findById(id);
            }

            @Override
            public Optional<ApiKey> findByHash(String keyHash) {
                return store.findByHash(keyHash);
            }

            @Override
            public List<ApiKey> findByOwner(String ownerId, boolean includeInactive) {
                return store.findByOwner(ownerId, includeInactive);
            }

            @Override
            public boolean update(ApiKey key) {
                return changing(() -> recent.forgetKey(key.keyHash()), () -> store.update(key));
            }

            @Override
            public boolean delete(UUID id) {
                // Kept entries are found by hash; a deletion names the key by id, so its hash is read first.
                Optional<ApiKey> key = store.findById(id);
                return changing(() -> key.ifPresent(k -> recent.forgetKey(k.keyHash())), () -> store.delete(id));
            }

            @Override
            public void addUsage(List<UsageDelta> deltas) {
                store.addUsage(deltas);
            }

            @Override
            public List<KeyDailyUsage> dailyUsage(UUID keyId, LocalDate from) {
                return store.dailyUsage(keyId, from);
            }
        };
    }

    /**
     * Runs {@code write}, then drops the entry: when the transaction ends, or at once after a write made outside one
     * (the store commits it before returning). Registered before the write, so one that fails still drops it.
     */
    private <T> T changing(Runnable forget, Supplier<T> write) {
        List<Runnable> actions = pending.get();
        if (actions != null) {
            actions.add(forget);
            return write.get();
        }
        try {
            return write.get();
        } finally {
            forget.run();
        }
    }
}
