package net.defarm.application.identity;

import net.defarm.application.audit.AuditFact;
import net.defarm.application.audit.AuditTrail;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.application.delivery.MailOutbox;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;

/** The identity context's inbound ports, as the HTTP adapter receives them. */
public record IdentityUseCases(RegisterUser registerUser, LogIn logIn, Authenticate authenticate,
                               AccountSession session, RequestPasswordReset requestPasswordReset,
                               ResetPassword resetPassword) {

    /** What the account flows need besides accounts: reset tokens, mail, the limiter (shared or local), limits. */
    public record AccountPorts(PasswordResetTokenRepository resetTokens, MailOutbox mail, RateLimiter limiter,
                               AccountPolicy policy) {
    }

    /**
     * With {@code keyPorts}, API keys authenticate too; {@code opening} runs with every registration; {@code recent}
     * serves the credentials of recent requests (the ports must be the ones CredentialChanges wraps).
     */
    public static IdentityUseCases create(UserAccountRepository users, PasswordHasher hasher, TokenService tokens,
                                          UnitOfWork uow, Clock clock, Authenticate.KeyPorts keyPorts,
                                          AccountPorts accounts, AccountOpening opening, AuditTrail audit,
                                          RecentCredentials recent) {
        LoginThrottle throttle = new LoginThrottle(accounts.limiter(), accounts.policy(), clock);
        return new IdentityUseCases(new RegisterUser(users, hasher, tokens, uow, clock, opening, audit,
                accounts.limiter(), accounts.policy()),
                new LogIn(users, hasher, tokens, uow, clock, throttle, audit), new Authenticate(tokens, users, keyPorts, recent),
                new AccountSession(users, tokens, audit),
                new RequestPasswordReset(users, accounts.resetTokens(), accounts.mail(), accounts.limiter(),
                        accounts.policy(), uow, clock, audit),
                new ResetPassword(users, accounts.resetTokens(), hasher, throttle, uow, clock, audit));
    }
}
