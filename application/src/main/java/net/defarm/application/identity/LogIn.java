package net.defarm.application.identity;

import net.defarm.application.audit.AuditFact;
import net.defarm.application.audit.AuditTrail;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import java.util.Optional;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Retry;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Exchanges a username and password for a token. Unknown user and wrong password are indistinguishable; with a
 * {@link LoginThrottle}, attempts are limited per client address and failures per account. A successful sign-in is
 * recorded as the account's {@code last_login} (what "active users" counts on the dashboard).
 */
@UseCase
public final class LogIn {

    private final UserAccountRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final UnitOfWork uow;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private volatile String decoyHash;

    /** {@code throttle} null: no limits. */
    public LogIn(UserAccountRepository users, PasswordHasher hasher, TokenService tokens, UnitOfWork uow,
                 Clock clock, LoginThrottle throttle, AuditTrail audit) {
        this.audit = audit;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.uow = uow;
        this.clock = clock;
        this.throttle = throttle;
    }

    public AuthResult logIn(String username, String password) {
        return logIn(username, password, null);
    }

    /** {@code clientAddress} (null when unknown) is what per-address throttling counts. */
    public AuthResult logIn(String username, String password, String clientAddress) {
        RegisterUser.required(username, "username");
        RegisterUser.required(password, "password");
        if (throttle != null) {
            throttle.admit(username, clientAddress);
        }
        Optional<UserAccount> found = users.findByUsername(username.strip());
        boolean matches = hasher.matches(password, found.map(UserAccount::passwordHash).orElseGet(this::decoyHash));
        if (found.isEmpty() || !matches) {
            // Recorded on its own (no transaction): the refusal is the record. The account named is its subject.
            // A known account is named by its id; what was typed for an unknown one (often a password typed in
            // the wrong field) is kept only as a hint that cannot be read back.
            AuditFact refusal = signIn(AuditOutcome.FAILURE, AuditSeverity.MEDIUM)
                    .subject(found.map(UserAccount::userId).orElse(null));
            audit.refused(null, null, found.isPresent() ? refusal
                    : refusal.detail("username_hint", typedNameHint(username.strip())));
            throw new AuthenticationException("INVALID_CREDENTIALS", "Invalid credentials");
        }
        if (throttle != null) {
            throttle.cleared(username);
        }
        UserAccount account = found.get();
        if (!account.isActive()) {
            audit.refused(account.userId(), null, signIn(AuditOutcome.BLOCKED, AuditSeverity.MEDIUM)
                    .detail("status", account.status().display()));
            throw new PermissionDeniedException("ACCOUNT_" + account.status().name(), account.status().refusal());
        }
        recordSignIn(account.userId());
        TokenService.IssuedToken token = tokens.issue(account.userId(), account.workspaceId());
        return new AuthResult(token.token(), account.userId(), account.workspaceId(), token.expiresAt());
    }

    /** Re-read inside the transaction, so a concurrent administrator's change is kept (retried when it raced). */
    private void recordSignIn(String userId) {
        Retry.onStale(() -> uow.inTransaction(() -> {
            audit.record(userId, null, signIn(AuditOutcome.SUCCESS, AuditSeverity.LOW));
            return users.findById(userId).map(current -> users.update(current.withLastLogin(clock.now())));
        }));
    }

    /** The first two characters, the length and 24 bits of SHA-256: enough to tell repeated attempts apart. */
    private static String typedNameHint(String typed) {
        int cut = typed.offsetByCodePoints(0, Math.min(2, typed.codePointCount(0, typed.length())));
        return typed.substring(0, cut) + "\u2026 (" + typed.codePointCount(0, typed.length()) + " characters, #"
                + Hashes.sha256Hex(typed).substring(0, 6) + ")";
    }

    private static AuditFact signIn(AuditOutcome outcome, AuditSeverity severity) {
        return AuditFact.of(AuditEventType.SECURITY, "auth.sign_in", "session", null).outcome(outcome, severity);
    }

    /**
     * Unknown users are checked against a decoy hash so the response time does not reveal who has an account.
     * Made on first need rather than at start-up, where a bcrypt round would slow every cold start.
     */
    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hasher.hash("decoy-password-never-matches");
            decoyHash = decoy;
        }
        return decoy;
    }
}
