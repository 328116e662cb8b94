package net.defarm.application.identity;

import net.defarm.application.audit.AuditFact;
import net.defarm.application.audit.AuditTrail;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.identity.UserAccount;

/**
 * Creates an account (Basic tier) and signs the user in; the registration credits are granted by
 * {@link AccountOpening} in the same unit of work, so an account never exists without its opening grant.
 * Registrations are counted per client address (well-formed ones, taken names included), so that one address
 * cannot open accounts by the hundred to farm their opening credits.
 */
@UseCase
public final class RegisterUser {

    public record Command(String username, String email, String password, String workspaceName) {
        @Override
        public String toString() {
            return "RegisterUser.Command[" + username + "]";
        }
    }

    private final UserAccountRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final UnitOfWork uow;
    private final Clock clock;
    private final AccountOpening opening;
    private final AuditTrail audit;
    private final RateLimiter limiter;
    private final AccountPolicy policy;

    public RegisterUser(UserAccountRepository users, PasswordHasher hasher, TokenService tokens, UnitOfWork uow,
                        Clock clock, AccountOpening opening, AuditTrail audit, RateLimiter limiter,
                        AccountPolicy policy) {
        this.audit = audit;
        this.limiter = limiter;
        this.policy = policy;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.uow = uow;
        this.clock = clock;
        this.opening = opening;
    }

    public AuthResult register(Command command) {
        return register(command, null);
    }

    /** {@code clientAddress} (null when unknown: not counted) is what the per-address limit counts. */
    public AuthResult register(Command command, String clientAddress) {
        String username = AccountFields.username(command.username());
        String email = AccountFields.email(command.email());
        String password = AccountFields.password(command.password());
        AccountFields.optionalName(command.workspaceName(), "workspace_name");
        if (clientAddress != null) {
            Instant now = clock.now();
            RateLimiter.Decision d = limiter.hit("register-address:" + clientAddress,
                    policy.registrationsPerAddressPerHour(), Duration.ofHours(1), now);
            if (!d.allowed()) {
                throw new RateLimitExceededException("TOO_MANY_REGISTRATIONS",
                        "Too many accounts registered from this address. Please try again later.", d, now);
            }
        }
        AccountFields.requireFree(users, username, email);
        String hash = hasher.hash(password);
        UserAccount account = UserAccount.register("user-" + UUID.randomUUID(), username, email, hash,
                command.workspaceName(), clock.now());
        uow.inTransaction(() -> {
            opening.opened(users.insert(account));
            audit.record(account.userId(), null, AuditFact.of(AuditEventType.USER, "auth.register", "user",
                    account.userId()));
        });
        TokenService.IssuedToken token = tokens.issue(account.userId(), account.workspaceId());
        return new AuthResult(token.token(), account.userId(), account.workspaceId(), token.expiresAt());
    }

    static String required(String value, String field) {
        return AccountFields.required(value, field);
    }
}
