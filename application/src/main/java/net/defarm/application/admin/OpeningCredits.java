package net.defarm.application.admin;

import java.util.UUID;
import net.defarm.application.credits.CreditLedger;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Clock;
import net.defarm.domain.credits.TransactionType;
import net.defarm.domain.identity.UserAccount;

/**
 * The opening credits of an account an administrator or the console opens: a Grant line in the credit ledger
 * (the only writer of balances), appended in the opening's unit of work, so the balance is explained by its ledger.
 */
final class OpeningCredits {

    static final String BY_ADMINISTRATOR = "Initial credits granted by an administrator";
    static final String DEMONSTRATION = "Demonstration account credits";

    private final UserAccountRepository users;
    private final CreditLedger ledger;
    private final Clock clock;

    OpeningCredits(UserAccountRepository users, CreditLedger ledger, Clock clock) {
        this.users = users;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Inserts the account (opened with no credits) and grants {@code credits} (nothing for zero: then the ledger
     * stays empty); the account as stored afterwards. Runs in the caller's unit of work.
     */
    UserAccount open(UserAccount account, long credits, String description) {
        UserAccount stored = users.insert(account);
        if (credits <= 0) {
            return stored;
        }
        ledger.append(new CreditLedger.Entry(UUID.randomUUID(), stored.userId(), TransactionType.GRANT, credits,
                description, clock.now(), false));
        return users.findById(stored.userId()).orElseThrow(() -> new IllegalStateException(
                "the account just opened is gone: " + stored.userId()));
    }
}
