package net.defarm.application.credits;

import java.util.UUID;
import net.defarm.application.identity.AccountOpening;
import net.defarm.application.shared.Clock;
import net.defarm.domain.credits.TransactionType;
import net.defarm.domain.identity.UserAccount;

/** The registration bonus: a Grant line for every self-registered account, in the registration's unit of work. */
public final class WelcomeCredits implements AccountOpening {

    static final String DESCRIPTION = "New user registration bonus";

    private final CreditLedger ledger;
    private final Clock clock;

    public WelcomeCredits(CreditLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void opened(UserAccount account) {
        ledger.append(new CreditLedger.Entry(UUID.randomUUID(), account.userId(), TransactionType.GRANT,
                UserAccount.REGISTRATION_CREDITS, DESCRIPTION, clock.now(), false));
    }
}
