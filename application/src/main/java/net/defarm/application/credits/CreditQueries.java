package net.defarm.application.credits;

import java.time.Instant;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.credits.CreditCosts;
import net.defarm.domain.credits.CreditTransaction;
import net.defarm.domain.identity.TierLimits;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * The signed-in user's own account as its plan presents it: profile with the tier's limits, credit balance,
 * ledger and price list. Only a password session reads them (as in the reference, an API key is refused: these
 * are a person's account pages, and a machine learns its balance from the 402 that refuses it).
 */
@UseCase
public final class CreditQueries {

    public record Profile(UserAccount account, TierLimits limits) {
    }

    /** {@code lastUpdated}: when the balance last moved (the newest ledger line), else when the account changed. */
    public record Balance(long credits, UserTier tier, Instant lastUpdated) {
    }

    public record History(Page<CreditTransaction> page, long totalCredits) {
    }

    public record Costs(CreditCosts costs, UserTier tier) {
    }

    private final UserAccountRepository users;
    private final CreditLedger ledger;
    private final CreditHistory history;

    public CreditQueries(UserAccountRepository users, CreditLedger ledger) {
        this.users = users;
        this.ledger = ledger;
        this.history = new CreditHistory(ledger);
    }

    public Profile profile(Actor actor) {
        UserAccount account = self(actor);
        return new Profile(account, TierLimits.of(account.tier()));
    }

    public Balance balance(Actor actor) {
        UserAccount account = self(actor);
        Instant last = ledger.history(account.userId(), null, 1).stream().findFirst()
                .map(CreditTransaction::timestamp).orElse(account.updatedAt());
        return new Balance(account.credits(), account.tier(), last);
    }

    public History history(Actor actor, PageRequest request) {
        UserAccount account = self(actor);
        return new History(history.page(account.userId(), request), account.credits());
    }

    public Costs costs(Actor actor) {
        UserAccount account = self(actor);
        return new Costs(CreditCosts.of(account.tier()), account.tier());
    }

    private UserAccount self(Actor actor) {
        if (actor.keyScope().isPresent()) {
            throw new PermissionDeniedException("PASSWORD_SESSION_REQUIRED",
                    "Account and credit pages are read with a password session, not with an API key");
        }
        return users.findById(actor.userId())
                .orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "User not found"));
    }
}
