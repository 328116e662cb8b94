package net.defarm.application.admin;

import net.defarm.application.audit.AuditTrail;
import net.defarm.application.identity.PasswordHasher;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;

/** The administration context's inbound ports: over HTTP (users, queries) and from the console (setup). */
public record AdminUseCases(AdministerUsers users, AdminQueries queries, SetUpAccounts setup) {

    public static AdminUseCases create(UserAccountRepository users, UserDirectory directory,
                                       AdminActionRepository actions, PasswordHasher hasher, UnitOfWork uow,
                                       Clock clock, AuditTrail audit) {
        return new AdminUseCases(new AdministerUsers(users, actions, hasher, uow, clock, audit),
                new AdminQueries(users, directory, actions, clock), new SetUpAccounts(users, actions, hasher, uow,
                clock, audit));
    }
}
