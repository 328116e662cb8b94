package net.defarm.application.identity;

import net.defarm.application.audit.AuditFact;
import net.defarm.application.audit.AuditTrail;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import net.defarm.application.delivery.MailMessage;
import net.defarm.application.delivery.MailOutbox;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.identity.PasswordResetToken;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.InvalidInputException;

/**
 * "Forgot password": issues a single-use reset token and mails its link to the account's address. The answer is the
 * same whether or not the account exists, and so are the limits: requests are counted per name asked for (email or
 * username, known or not) and per client address, both answered 429 past their limit; past the account's own limit
 * (over the tokens it was issued, whichever name asked) the answer is unchanged and no mail is sent. The token is
 * stored only as the BLAKE3 hash of its 32 random bytes; the mail is queued in the same transaction.
 */
@UseCase
public final class RequestPasswordReset {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final String TOO_MANY = "Too many password reset requests. Please try again later.";

    private final UserAccountRepository users;
    private final PasswordResetTokenRepository tokens;
    private final MailOutbox mail;
    private final RateLimiter limiter;
    private final AccountPolicy policy;
    private final UnitOfWork uow;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AuditTrail audit;

    public RequestPasswordReset(UserAccountRepository users, PasswordResetTokenRepository tokens, MailOutbox mail,
                                RateLimiter limiter, AccountPolicy policy, UnitOfWork uow, Clock clock,
                                AuditTrail audit) {
        this.audit = audit;
        this.users = users;
        this.tokens = tokens;
        this.mail = mail;
        this.limiter = limiter;
        this.policy = policy;
        this.uow = uow;
        this.clock = clock;
    }

    /** Email is preferred when both are given; {@code clientAddress} may be null (then only names are counted). */
    public void request(String email, String username, String clientAddress) {
        String byEmail = email == null ? "" : email.strip();
        String byName = username == null ? "" : username.strip();
        if (byEmail.isEmpty() && byName.isEmpty()) {
            throw new InvalidInputException("MISSING_FIELD", "Provide email or username to reset your password");
        }
        Instant now = clock.now();
        if (clientAddress != null) {
            limit("reset-address:" + clientAddress, policy.resetsPerAddressPerHour(), now);
        }
        String asked = byEmail.isEmpty() ? "username:" + byName : "email:" + byEmail;
        limit("reset-name:" + Hashes.blake3Hex(asked.toLowerCase(Locale.ROOT)), policy.resetsPerAccountPerHour(), now);
        Optional<UserAccount> found = byEmail.isEmpty() ? users.findByUsername(byName) : users.findByEmail(byEmail);
        if (found.isEmpty()) {
            return;
        }
        UserAccount account = found.get();
        // Asking by email and by username in turn counts twice above; the account's own tokens are the total. Past
        // it, the answer stays the same and no mail goes: a refusal here would tell that two names are one account.
        if (tokens.countIssuedSince(account.userId(), now.minus(HOUR)) >= policy.resetsPerAccountPerHour()) {
            return;
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        PasswordResetToken stored = new PasswordResetToken(Hashes.blake3Hex(raw), account.userId(), now,
                now.plus(policy.resetTokenLifetime()), null);
        MailMessage message = message(account, token);
        uow.inTransaction(() -> {
            tokens.deleteIssuedBefore(account.userId(), now.minus(Duration.ofDays(1)));
            tokens.insert(stored);
            mail.enqueue(account.userId(), "password_reset", message, now);
            audit.record(null, null, AuditFact.of(AuditEventType.SECURITY, "auth.password_reset_requested", "user",
                    account.userId()).subject(account.userId()));
        });
    }

    private void limit(String name, int perHour, Instant now) {
        RateLimiter.Decision d = limiter.hit(name, perHour, HOUR, now);
        if (!d.allowed()) {
            throw new RateLimitExceededException("TOO_MANY_RESET_REQUESTS", TOO_MANY, d, now);
        }
    }

    private MailMessage message(UserAccount account, String token) {
        String link = policy.frontendUrl() + "/reset-password?token=" + token;
        long minutes = policy.resetTokenLifetime().toMinutes();
        String text = "Hello " + account.username() + ",\n\n"
                + "Someone (hopefully you) asked to reset the password of your DeFarm account.\n"
                + "Open this link within " + minutes + " minutes to choose a new password:\n\n"
                + link + "\n\n"
                + "The link works once. If you did not ask for this, ignore this mail: your password stays as it is.\n";
        return new MailMessage(account.email(), "Reset your DeFarm password", text, token);
    }
}
