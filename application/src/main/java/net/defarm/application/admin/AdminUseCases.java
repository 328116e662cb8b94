package net.defarm.application.admin;

import net.defarm.application.audit.AuditTrail;
import net.defarm.application.credits.CreditLedger;
import net.defarm.application.identity.PasswordHasher;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;

/** The administration context's inbound ports: over HTTP (users, queries, credits) and from the console (setup). */
public record AdminUseCases(AdministerUsers users, AdminQueries queries, SetUpAccounts setup,
                            AdjustCredits credits) {

    /** The stores the administration reads and writes; opening credits and the dashboard's totals use the ledger. */
    public record Ports(UserAccountRepository users, UserDirectory directory, AdminActionRepository actions,
                        CreditLedger credits, UnitOfWork uow) {
    }

    /** {@code audit}: every administrator's action is also a fact of the audit trail. */
    public static AdminUseCases create(Ports p, PasswordHasher hasher, Clock clock, AuditTrail audit) {
        return new AdminUseCases(new AdministerUsers(p.users(), p.actions(), p.credits(), hasher, p.uow(), clock,
                audit), new AdminQueries(p.users(), p.directory(), p.actions(), p.credits(), clock),
                new SetUpAccounts(p.users(), p.actions(), p.credits(), hasher, p.uow(), clock, audit),
                new AdjustCredits(p.users(), p.actions(), p.credits(), p.uow(), clock, audit));
    }
}
