package net.defarm.adapters.memory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;

/** User accounts held in memory; usernames and emails are claimed case-insensitively before the account is stored. */
public final class InMemoryUserAccountRepository implements UserAccountRepository {

    private final Map<String, UserAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, String> idByUsername = new ConcurrentHashMap<>();
    private final Map<String, String> idByEmail = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryUserAccountRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public UserAccount insert(UserAccount account) {
        return restore(account.atVersion(1));
    }

    /** Stores the record exactly as given, stored version included (loading a memory store from a database). */
    UserAccount restore(UserAccount account) {
        String username = fold(account.username());
        String email = fold(account.email());
        if (idByUsername.putIfAbsent(username, account.userId()) != null) {
            throw new ConflictException("DUPLICATE_USERNAME", "Username already exists");
        }
        if (idByEmail.putIfAbsent(email, account.userId()) != null) {
            idByUsername.remove(username, account.userId());
            throw new ConflictException("DUPLICATE_EMAIL", "Email already exists");
        }
        UserAccount stored = account;
        if (accounts.putIfAbsent(account.userId(), stored) != null) {
            idByUsername.remove(username, account.userId());
            idByEmail.remove(email, account.userId());
            throw new ConflictException("DUPLICATE_USER", "User " + account.userId() + " already exists");
        }
        uow.onRollback(() -> {
            accounts.remove(stored.userId(), stored);
            idByUsername.remove(username, stored.userId());
            idByEmail.remove(email, stored.userId());
        });
        return stored;
    }

    @Override
    public Optional<UserAccount> findById(String userId) {
        return Optional.ofNullable(accounts.get(userId));
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return Optional.ofNullable(idByUsername.get(fold(username))).map(accounts::get);
    }

    @Override
    public Optional<UserAccount> findByEmail(String email) {
        return Optional.ofNullable(idByEmail.get(fold(email))).map(accounts::get);
    }

    @Override
    public UserAccount update(UserAccount account) {
        UserAccount current = accounts.get(account.userId());
        if (current == null) {
            throw new NotFoundException("USER_NOT_FOUND", "User not found");
        }
        String oldName = fold(current.username());
        String newName = fold(account.username());
        String oldEmail = fold(current.email());
        String newEmail = fold(account.email());
        // Claim a new username/email first, so a conflict leaves the old ones resolvable and nothing changed.
        if (!oldName.equals(newName) && idByUsername.putIfAbsent(newName, account.userId()) != null) {
            throw new ConflictException("DUPLICATE_USERNAME", "Username already exists");
        }
        if (!oldEmail.equals(newEmail) && idByEmail.putIfAbsent(newEmail, account.userId()) != null) {
            if (!oldName.equals(newName)) {
                idByUsername.remove(newName, account.userId());
            }
            throw new ConflictException("DUPLICATE_EMAIL", "Email already exists");
        }
        UserAccount[] previous = new UserAccount[1];
        UserAccount stored;
        try {
            stored = accounts.compute(account.userId(), (id, cur) -> {
                if (cur == null || cur.version() != account.version()) {
                    throw new StaleUpdateException("User " + id);
                }
                previous[0] = cur;
                // The balance is the credit ledger's to write: an account update keeps the stored one.
                return withCredits(account, cur.credits()).atVersion(cur.version() + 1);
            });
        } catch (RuntimeException e) {
            if (!oldName.equals(newName)) {
                idByUsername.remove(newName, account.userId());
            }
            if (!oldEmail.equals(newEmail)) {
                idByEmail.remove(newEmail, account.userId());
            }
            throw e;
        }
        if (!oldName.equals(newName)) {
            idByUsername.remove(oldName, account.userId());
        }
        if (!oldEmail.equals(newEmail)) {
            idByEmail.remove(oldEmail, account.userId());
        }
        uow.onRollback(() -> {
            if (accounts.replace(stored.userId(), stored, previous[0])) {
                if (!oldName.equals(newName)) {
                    idByUsername.remove(newName, stored.userId());
                    idByUsername.put(oldName, stored.userId());
                }
                if (!oldEmail.equals(newEmail)) {
                    idByEmail.remove(newEmail, stored.userId());
                    idByEmail.put(oldEmail, stored.userId());
                }
            }
        });
        return stored;
    }

    /**
     * Moves the account's balance by {@code delta} (the credit ledger's write, under its lock for the account) and
     * returns the account as it now is; the undo takes the same delta back. The version does not move: accounts
     * updates never write the balance, so they need not be refused for a balance change.
     */
    UserAccount addCredits(String userId, long delta) {
        UserAccount after = accounts.computeIfPresent(userId, (id, cur) -> withCredits(cur,
                Math.addExact(cur.credits(), delta)));
        if (after == null) {
            throw new NotFoundException("USER_NOT_FOUND", "User not found");
        }
        uow.onRollback(() -> accounts.computeIfPresent(userId, (id, cur) -> withCredits(cur, cur.credits() - delta)));
        return after;
    }

    private static UserAccount withCredits(UserAccount a, long credits) {
        return new UserAccount(a.userId(), a.username(), a.email(), a.passwordHash(), a.tier(), a.status(), credits,
                a.createdAt(), a.updatedAt(), a.lastLogin(), a.admin(), a.workspaceId(), a.availableAdapters(),
                a.version(), a.sessionsValidFrom());
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Everything stored, for export (a live view; the caller copies what it keeps). */
    java.util.Collection<UserAccount> all() {
        return accounts.values();
    }
}
