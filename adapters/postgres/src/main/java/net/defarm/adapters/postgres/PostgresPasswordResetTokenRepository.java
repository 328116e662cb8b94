package net.defarm.adapters.postgres;

import java.time.Instant;
import java.util.Optional;
import net.defarm.application.identity.PasswordResetTokenRepository;
import net.defarm.domain.identity.PasswordResetToken;

/** Password reset tokens in PostgreSQL; a token is consumed by one conditional UPDATE (the row lock decides). */
public final class PostgresPasswordResetTokenRepository implements PasswordResetTokenRepository {

    private final PostgresDatabase db;

    public PostgresPasswordResetTokenRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(PasswordResetToken t) {
        db.run(ex -> ex.insert("""
                INSERT INTO password_reset_tokens (token_hash, user_id, created_at, expires_at, used_at)
                VALUES (?, ?, ?, ?, ?)""",
                t.tokenHash(), t.userId(), PgRows.at(t.createdAt()), PgRows.at(t.expiresAt()),
                PgRows.at(t.usedAt())));
    }

    @Override
    public Optional<PasswordResetToken> findByHash(String tokenHash) {
        return db.one("""
                SELECT token_hash, user_id, created_at, expires_at, used_at
                  FROM password_reset_tokens WHERE token_hash = ?""",
                PostgresPasswordResetTokenRepository::token, tokenHash);
    }

    @Override
    public boolean consume(String tokenHash, Instant now) {
        return db.run(ex -> ex.update("""
                UPDATE password_reset_tokens SET used_at = ?
                 WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""",
                PgRows.at(now), tokenHash, PgRows.at(now))) == 1;
    }

    @Override
    public int countIssuedSince(String userId, Instant since) {
        return db.one("""
                SELECT count(*) AS n FROM password_reset_tokens WHERE user_id = ? AND created_at >= ?""",
                r -> (int) PgRows.longValue(r, "n"), userId, PgRows.at(since)).orElse(0);
    }

    @Override
    public int deleteIssuedBefore(String userId, Instant before) {
        return (int) (long) db.run(ex -> ex.delete("""
                DELETE FROM password_reset_tokens WHERE user_id = ? AND created_at < ?""",
                userId, PgRows.at(before)));
    }

    private static PasswordResetToken token(PgRow r) {
        return new PasswordResetToken(PgRows.text(r, "token_hash"), PgRows.text(r, "user_id"),
                PgRows.instant(r, "created_at"), PgRows.instant(r, "expires_at"), PgRows.instant(r, "used_at"));
    }
}
