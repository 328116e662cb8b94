package net.defarm.adapters.postgres;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.credits.CreditLedger;
import net.defarm.domain.credits.CreditTransaction;
import net.defarm.domain.credits.InsufficientCreditsException;
import net.defarm.domain.credits.TransactionType;
import net.defarm.domain.shared.NotFoundException;

/**
 * Credit ledgers in PostgreSQL. An append is a guarded {@code UPDATE ... SET credits = credits + ?} on the account
 * (its row lock makes concurrent appends on one account wait for each other, and the re-checked guard sees the
 * committed balance, so no update is lost), then the line's insert with the balance that update returned, in one
 * transaction. The line's sequence is read after the lock is held, so it is always the next one.
 */
public final class PostgresCreditLedger implements CreditLedger {

    private static final String SELECT = """
            SELECT transaction_id, user_id, seq, transaction_type, amount, description, occurred_at, balance_after
              FROM credit_transactions""";

    private final PostgresDatabase db;

    public PostgresCreditLedger(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public CreditTransaction append(Entry e) {
        return db.atomically(ex -> {
            Optional<Long> balance = db.one("""
                    UPDATE user_accounts SET credits = credits + ?
                     WHERE user_id = ? AND (? OR ? >= 0 OR credits + ? >= 0)
                    RETURNING credits""", r -> PgRows.longValue(r, "credits"),
                    e.amount(), e.userId(), e.mayOverdraw(), e.amount(), e.amount());
            if (balance.isEmpty()) {
                long held = db.one("SELECT credits FROM user_accounts WHERE user_id = ?",
                                r -> PgRows.longValue(r, "credits"), e.userId())
                        .orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "User not found"));
                throw new InsufficientCreditsException(-e.amount(), held);
            }
            // The next ledger position is read in the insert itself: one round trip. The update above holds the
            // account's row lock, and this statement's snapshot is taken after it, so it sees every earlier line.
            long sequence = db.one("""
                    INSERT INTO credit_transactions (transaction_id, user_id, seq, transaction_type, amount,
                                                     description, occurred_at, balance_after)
                    SELECT CAST(? AS uuid), ?, COALESCE(max(seq), 0) + 1, ?, ?, ?, ?, ?
                      FROM credit_transactions WHERE user_id = ?
                    RETURNING seq""", r -> PgRows.longValue(r, "seq"), e.transactionId(), e.userId(), e.type().display(),
                    e.amount(), e.description(),
                    PgRows.at(e.at()), balance.get(), e.userId()).orElseThrow();
            return new CreditTransaction(e.transactionId(), e.userId(), sequence, e.type(), e.amount(),
                    e.description(), e.at(), balance.get());
        });
    }

    @Override
    public Optional<CreditTransaction> find(UUID transactionId) {
        return db.one(SELECT + " WHERE transaction_id = CAST(? AS uuid)", PostgresCreditLedger::line, transactionId);
    }

    @Override
    public List<CreditTransaction> history(String userId, Long beforeSequence, int limit) {
        PageQuery q = new PageQuery(SELECT + " WHERE user_id = ?", userId);
        if (beforeSequence != null) {
            q.and("seq < ?", beforeSequence);
        }
        return q.page(db, "seq DESC", limit, PostgresCreditLedger::line);
    }

    @Override
    public Totals totals() {
        // A negative sum's magnitude fits a long as long as the balances do (each adjustment is bounded).
        return db.one("""
                SELECT CAST(COALESCE(sum(amount) FILTER (WHERE amount > 0), 0) AS bigint) AS issued,
                       CAST(COALESCE(-sum(amount) FILTER (WHERE amount < 0), 0) AS bigint) AS consumed
                  FROM credit_transactions""",
                r -> new Totals(PgRows.longValue(r, "issued"), PgRows.longValue(r, "consumed"))).orElseThrow();
    }

    private static CreditTransaction line(PgRow r) {
        return new CreditTransaction(PgRows.uuid(r, "transaction_id"), PgRows.text(r, "user_id"),
                PgRows.longValue(r, "seq"), TransactionType.fromDisplay(PgRows.text(r, "transaction_type")),
                PgRows.longValue(r, "amount"), PgRows.text(r, "description"), PgRows.instant(r, "occurred_at"),
                PgRows.longValue(r, "balance_after"));
    }
}
