package net.defarm.domain.credits;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of an account's credit ledger, as stored: never changed nor removed once written. {@code sequence} is
 * the line's position in the account's ledger (1 for the first, no gaps), and {@code balanceAfter} the balance
 * this line left, so each line's balance is the previous line's plus its {@code amount}.
 */
public record CreditTransaction(UUID transactionId, String userId, long sequence, TransactionType type, long amount,
                                String description, Instant timestamp, long balanceAfter) {

    public CreditTransaction {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(timestamp, "timestamp");
        if (sequence < 1) {
            throw new IllegalArgumentException("ledger sequence starts at 1");
        }
    }
}
