package net.defarm.adapters.cache;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.credits.CreditLedger;
import net.defarm.domain.credits.CreditTransaction;
import net.defarm.domain.identity.UserAccount;

/**
 * Credit ledgers go to the store; an append moves the account's balance, so the cached account is invalidated once
 * the transaction has ended (as every account write does).
 */
final class CachingCreditLedger implements CreditLedger {

    private final CreditLedger store;
    private final CacheRegion<UserAccount> users;

    CachingCreditLedger(CreditLedger store, CacheRegion<UserAccount> users) {
        this.store = store;
        this.users = users;
    }

    @Override
    public CreditTransaction append(Entry entry) {
        return users.afterWrite(store.append(entry), entry.userId());
    }

    @Override
    public Optional<CreditTransaction> find(UUID transactionId) {
        return store.find(transactionId);
    }

    @Override
    public List<CreditTransaction> history(String userId, Long beforeSequence, int limit) {
        return store.history(userId, beforeSequence, limit);
    }

    @Override
    public Totals totals() {
        return store.totals();
    }
}
