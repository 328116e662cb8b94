package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.credits.CreditLedger;
import net.defarm.domain.credits.CreditTransaction;

/**
 * Credit ledgers: PostgreSQL first (its row lock orders appends on an account and its guard decides), then memory,
 * whose copy of the account's balance moves the same way; the line PostgreSQL stored is the answer. The history is
 * read from PostgreSQL: the memory copy is not loaded at start (only the balances are, with the accounts).
 */
final class WriteThroughCreditLedger implements CreditLedger {

    private final Mirror<CreditLedger> stores;

    WriteThroughCreditLedger(Mirror<CreditLedger> stores) {
        this.stores = stores;
    }

    @Override
    public CreditTransaction append(Entry entry) {
        return stores.both().inTransaction(() -> {
            CreditTransaction stored = stores.durable().append(entry);
            stores.memory().append(entry);
            return stored;
        });
    }

    @Override
    public Optional<CreditTransaction> find(UUID transactionId) {
        return stores.durable().find(transactionId);
    }

    @Override
    public List<CreditTransaction> history(String userId, Long beforeSequence, int limit) {
        return stores.durable().history(userId, beforeSequence, limit);
    }

    @Override
    public Totals totals() {
        return stores.durable().totals();
    }
}
