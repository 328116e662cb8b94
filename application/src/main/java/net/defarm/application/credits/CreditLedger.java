package net.defarm.application.credits;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.credits.CreditTransaction;
import net.defarm.domain.credits.TransactionType;

/**
 * Every account's credit ledger, append-only, and the only writer of an account's balance (the account's
 * {@code credits}): each append moves the balance and writes its line in one atomic step, so the balance is always
 * the last line's {@code balance_after} (0 before the first line) and concurrent appends never lose one another.
 */
@OutboundPort
public interface CreditLedger {

    /**
     * A line to append. {@code amount} is signed (negative for consumptions and penalties). Unless
     * {@code mayOverdraw}, a negative amount that would take the balance below zero is refused.
     */
    record Entry(UUID transactionId, String userId, TransactionType type, long amount, String description,
                 Instant at, boolean mayOverdraw) {
        public Entry {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Applies the entry to the account's balance and appends its line, in the current unit of work (or in one of
     * its own), and returns the line as stored. An account held by another append waits for it. Refusals write
     * nothing: NotFoundException (USER_NOT_FOUND) without an account, InsufficientCreditsException when the guard
     * refuses.
     */
    CreditTransaction append(Entry entry);

    /** The line whose transaction id is {@code transactionId}, if one was appended (and committed, or is ours). */
    Optional<CreditTransaction> find(UUID transactionId);

    /** The account's lines, newest first: those with a sequence below {@code beforeSequence} (null: all). */
    List<CreditTransaction> history(String userId, Long beforeSequence, int limit);

    /**
     * Every account's lines summed: {@code issued} adds the positive amounts, {@code consumed} the negative ones
     * (consumptions and penalties) as a positive figure; so issued - consumed is the sum of every balance.
     */
    Totals totals();

    /** Sums over the whole ledger (see {@link #totals()}). */
    record Totals(long issued, long consumed) {
    }
}
