package net.defarm.application.identity;

import net.defarm.application.audit.AuditFact;
import net.defarm.application.audit.AuditTrail;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import java.time.Instant;
import java.util.HexFormat;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.identity.PasswordPolicy;
import net.defarm.domain.identity.PasswordResetToken;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.InvalidInputException;

/**
 * Sets a new password with a reset token. The token is consumed by a conditional update, so of two concurrent
 * resets with one token exactly one succeeds; the same transaction changes the password and ends every session
 * issued before it (tokens issued earlier are refused from then on, on every instance).
 */
@UseCase
public final class ResetPassword {

    private static final String INVALID_OR_EXPIRED = "Invalid or expired password reset token";

    private final UserAccountRepository users;
    private final PasswordResetTokenRepository tokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final UnitOfWork uow;
    private final Clock clock;
    private final AuditTrail audit;

    public ResetPassword(UserAccountRepository users, PasswordResetTokenRepository tokens, PasswordHasher hasher,
                         LoginThrottle throttle, UnitOfWork uow, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.uow = uow;
        this.clock = clock;
    }

    public void reset(String token, String newPassword) {
        if (token == null || token.isBlank()) {
            throw new InvalidInputException("MISSING_FIELD", "Password reset token is required");
        }
        RegisterUser.required(newPassword, "new_password");
        String text = token.strip();
        if (!text.matches("[0-9a-fA-F]{64}")) {
            throw new InvalidInputException("INVALID_RESET_TOKEN", "Invalid password reset token");
        }
        PasswordPolicy.violation(newPassword).ifPresent(v -> {
            throw new InvalidInputException("WEAK_PASSWORD", v);
        });
        String hash = Hashes.blake3Hex(HexFormat.of().parseHex(text));
        Instant checked = clock.now();
        PasswordResetToken found = tokens.findByHash(hash).filter(t -> t.usable(checked))
                .orElseThrow(ResetPassword::invalidOrExpired);
        // bcrypt is slow: outside the transaction, and only for a token that looked usable.
        String newHash = hasher.hash(newPassword);
        UserAccount changed = uow.inTransaction(() -> {
            Instant now = clock.now();
            if (!tokens.consume(hash, now)) {
                throw invalidOrExpired();
            }
            UserAccount account = users.findById(found.userId()).orElseThrow(() -> new InvalidInputException(
                    "RESET_ACCOUNT_NOT_FOUND", "Account associated with this token was not found"));
            audit.record(null, null, AuditFact.of(AuditEventType.SECURITY, "auth.password_reset", "user",
                    account.userId()).subject(account.userId()).severity(AuditSeverity.MEDIUM));
            return users.update(account.withNewPassword(newHash, now));
        });
        if (throttle != null) {
            throttle.cleared(changed.username());
        }
    }

    private static InvalidInputException invalidOrExpired() {
        return new InvalidInputException("INVALID_OR_EXPIRED_RESET_TOKEN", INVALID_OR_EXPIRED);
    }
}
