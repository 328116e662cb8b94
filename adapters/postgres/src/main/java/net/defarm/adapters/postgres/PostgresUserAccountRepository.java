package net.defarm.adapters.postgres;

import java.util.Arrays;
import java.util.Optional;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;

/** User accounts in PostgreSQL; usernames and emails are unique by {@code lower()}. */
public final class PostgresUserAccountRepository implements UserAccountRepository {

    static final String SELECT = """
            SELECT user_id, username, email, password_hash, tier, status, credits, created_at, updated_at, last_login,
                   is_admin, workspace_id, available_adapters, version, sessions_valid_from
              FROM user_accounts""";

    private final PostgresDatabase db;

    public PostgresUserAccountRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public UserAccount insert(UserAccount a) {
        try {
            db.run(ex -> ex.insert("""
                    INSERT INTO user_accounts (user_id, username, email, password_hash, tier, status, credits,
                                               created_at, updated_at, last_login, is_admin, workspace_id,
                                               available_adapters, version, sessions_valid_from)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS text[]), 1, ?)""",
                    a.userId(), a.username(), a.email(), a.passwordHash(), a.tier().display(),
                    a.status().display(), a.credits(), PgRows.at(a.createdAt()), PgRows.at(a.updatedAt()),
                    PgRows.at(a.lastLogin()), a.admin(), a.workspaceId(), adapters(a),
                    PgRows.at(a.sessionsValidFrom())));
        } catch (RuntimeException e) {
            throw duplicate(e);
        }
        return a.atVersion(1);
    }

    @Override
    public Optional<UserAccount> findById(String userId) {
        return db.one(SELECT + " WHERE user_id = ?", PostgresUserAccountRepository::toAccount, userId);
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return db.one(SELECT + " WHERE lower(username) = lower(?)", PostgresUserAccountRepository::toAccount, username);
    }

    @Override
    public Optional<UserAccount> findByEmail(String email) {
        return db.one(SELECT + " WHERE lower(email) = lower(?)", PostgresUserAccountRepository::toAccount, email);
    }

    /** The balance ({@code credits}) is not written here: only the credit ledger moves it. */
    @Override
    public UserAccount update(UserAccount a) {
        Optional<UserAccount> updated;
        try {
            updated = db.one("""
                    UPDATE user_accounts SET username = ?, email = ?, password_hash = ?, tier = ?, status = ?,
                           updated_at = ?, last_login = ?, is_admin = ?, workspace_id = ?,
                           available_adapters = CAST(? AS text[]), version = version + 1,
                           sessions_valid_from = ?
                     WHERE user_id = ? AND version = ?
                    RETURNING user_id, username, email, password_hash, tier, status, credits, created_at,
                              updated_at, last_login, is_admin, workspace_id, available_adapters, version,
                              sessions_valid_from""",
                    PostgresUserAccountRepository::toAccount,
                    a.username(), a.email(), a.passwordHash(), a.tier().display(), a.status().display(),
                    PgRows.at(a.updatedAt()), PgRows.at(a.lastLogin()), a.admin(), a.workspaceId(), adapters(a),
                    PgRows.at(a.sessionsValidFrom()), a.userId(), a.version());
        } catch (RuntimeException e) {
            throw duplicate(e);
        }
        return updated.orElseThrow(() -> findById(a.userId()).isPresent()
                ? new StaleUpdateException("User " + a.userId())
                : new NotFoundException("USER_NOT_FOUND", "User not found"));
    }

    private static String[] adapters(UserAccount a) {
        return a.availableAdapters() == null ? null : a.availableAdapters().toArray(String[]::new);
    }

    private static RuntimeException duplicate(RuntimeException e) {
        if (PostgresDatabase.sqlState(e).equals("23505")) {
            String constraint = PostgresDatabase.violatedConstraint(e);
            if (constraint.contains("email")) {
                return new ConflictException("DUPLICATE_EMAIL", "Email already exists");
            }
            if (constraint.contains("username")) {
                return new ConflictException("DUPLICATE_USERNAME", "Username already exists");
            }
            return new ConflictException("DUPLICATE_USER", "User already exists");
        }
        return e;
    }

    static UserAccount toAccount(PgRow r) {
        String[] adapters = PgRows.textArray(r, "available_adapters");
        return new UserAccount(PgRows.text(r, "user_id"), PgRows.text(r, "username"), PgRows.text(r, "email"),
                PgRows.text(r, "password_hash"), UserTier.fromDisplay(PgRows.text(r, "tier")),
                AccountStatus.fromDisplay(PgRows.text(r, "status")), PgRows.longValue(r, "credits"),
                PgRows.instant(r, "created_at"), PgRows.instant(r, "updated_at"), PgRows.instant(r, "last_login"),
                PgRows.bool(r, "is_admin"), PgRows.text(r, "workspace_id"),
                adapters == null ? null : Arrays.asList(adapters), PgRows.longValue(r, "version"),
                PgRows.instant(r, "sessions_valid_from"));
    }
}
