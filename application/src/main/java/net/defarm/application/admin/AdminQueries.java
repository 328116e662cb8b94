package net.defarm.application.admin;

import java.time.Duration;
import java.time.Instant;
import net.defarm.application.credits.CreditLedger;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.admin.AdminAction;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.InvalidInputException;

/** What administrators read: accounts (filtered, in pages), the dashboard's counts, the record of admin actions. */
@UseCase
public final class AdminQueries {

    /** Accounts per page at most, whatever limit is asked. */
    public static final int MAX_USERS_PER_PAGE = 200;
    /** The dashboard's window for "active" and "new" accounts. */
    public static final Duration RECENT = Duration.ofDays(30);

    /** The list's criteria as received (names, not yet parsed): checked only once the caller is known to be an admin. */
    public record UserQuery(String username, String email, String tier, String status, Boolean admin) {
    }

    /**
     * The dashboard: counts over every account and the credit ledger's sums (positive lines issued, negative ones
     * consumed, as a positive figure), as of {@code generatedAt}.
     */
    public record Stats(UserCounts users, long creditsIssued, long creditsConsumed, Instant generatedAt) {
    }

    private final AdminGate gate;
    private final UserDirectory directory;
    private final AdminActionRepository actions;
    private final CreditLedger ledger;
    private final Clock clock;

    public AdminQueries(UserAccountRepository users, UserDirectory directory, AdminActionRepository actions,
                        CreditLedger ledger, Clock clock) {
        this.gate = new AdminGate(users);
        this.directory = directory;
        this.actions = actions;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Page<UserAccount> users(Actor actor, UserQuery q, PageRequest page) {
        gate.require(actor);
        UserFilter filter = new UserFilter(pattern(q.username(), "username"), pattern(q.email(), "email"),
                q.tier() == null ? null : AdministerUsers.tier(q.tier()),
                q.status() == null ? null : AdministerUsers.status(q.status()), q.admin());
        return directory.list(filter, new PageRequest(Math.min(page.limit(), MAX_USERS_PER_PAGE), page.cursor()));
    }

    private static String pattern(String text, String name) {
        if (text != null && text.length() > 254) {
            throw new InvalidInputException("INVALID_QUERY", name + " must be at most 254 characters");
        }
        return text;
    }

    public Stats stats(Actor actor) {
        gate.require(actor);
        Instant now = clock.now();
        CreditLedger.Totals credits = ledger.totals();
        return new Stats(directory.counts(now.minus(RECENT)), credits.issued(), credits.consumed(), now);
    }

    /** Newest first; only {@code adminId}'s actions when it is not null. */
    public Page<AdminAction> actions(Actor actor, String adminId, PageRequest page) {
        gate.require(actor);
        return actions.list(adminId, page);
    }
}
