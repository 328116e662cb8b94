package net.defarm.application.credits;

import java.util.UUID;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.domain.credits.ChargedOperation;
import net.defarm.domain.credits.CreditCosts;
import net.defarm.domain.credits.TransactionType;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.NotFoundException;

/**
 * Charging operations to their caller's credits (the {@code CREDITS_ENFORCE} setting): a use case calls
 * {@link #charge} inside the unit of work of the operation, so the Consumption line and the operation commit
 * together, and a refusal (InsufficientCreditsException) undoes the operation. When not enforcing, nothing is
 * charged and nothing is read. Free operations (cost 0, the Admin tier) write no line. A circuit operation's line
 * carries the operation's id, so a pending operation that is rejected gets its charge back ({@link #refund}).
 */
public final class CreditCharges {

    private final boolean enforce;
    private final UserAccountRepository users;
    private final CreditLedger ledger;
    private final Clock clock;

    public CreditCharges(boolean enforce, UserAccountRepository users, CreditLedger ledger, Clock clock) {
        this.enforce = enforce;
        this.users = users;
        this.ledger = ledger;
        this.clock = clock;
    }

    public boolean enforced() {
        return enforce;
    }

    /** Debits {@code count} times the operation's price for the caller's tier; call it inside the operation's unit. */
    public void charge(Actor actor, ChargedOperation operation, int count, String description) {
        charge(actor, operation, count, description, UUID.randomUUID());
    }

    /**
     * As {@link #charge(Actor, ChargedOperation, int, String)}, with the Consumption line's transaction id chosen by
     * the caller (a circuit operation's id), so that {@link #refund} can find what was charged for it.
     */
    public void charge(Actor actor, ChargedOperation operation, int count, String description, UUID lineId) {
        if (!enforce || count == 0) {
            return;
        }
        UserAccount account = users.findById(actor.userId())
                .orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "User not found"));
        long cost = CreditCosts.charged(account.tier(), operation, count);
        if (cost == 0) {
            return;
        }
        ledger.append(new CreditLedger.Entry(lineId, account.userId(), TransactionType.CONSUMPTION, -cost,
                description, clock.now(), false));
    }

    /**
     * Gives back what the Consumption line {@code lineId} took, as a Refund line, inside the caller's unit of work;
     * nothing when no such charge was made (free, not enforced, or charged before lines carried the id). Done even
     * when enforcement has been turned off since: the credits were taken.
     */
    public void refund(UUID lineId, String description) {
        ledger.find(lineId).filter(line -> line.type() == TransactionType.CONSUMPTION && line.amount() < 0)
                .ifPresent(line -> ledger.append(new CreditLedger.Entry(UUID.randomUUID(), line.userId(),
                        TransactionType.REFUND, -line.amount(), description, clock.now(), true)));
    }
}
