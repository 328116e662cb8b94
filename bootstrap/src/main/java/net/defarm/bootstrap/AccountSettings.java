package net.defarm.bootstrap;

import java.time.Duration;
import net.defarm.adapters.mail.LogMailer;
import net.defarm.adapters.mail.SmtpMailer;
import net.defarm.adapters.mail.SmtpSettings;
import net.defarm.application.delivery.Mailer;
import net.defarm.application.identity.AccountPolicy;

/**
 * Account flows: password reset and sign-in limits ({@link AccountPolicy}), and how mail leaves the service:
 * {@code log} (the default; a local stand-in that writes mail to the server log, reset links redacted unless
 * {@code revealLinks}) or {@code smtp} (a real SMTP server, {@link SmtpSettings}); and {@code freshness}, how long an
 * account or key that let a request in is trusted without reading it again (zero: never; at most one second).
 */
public record AccountSettings(AccountPolicy policy, Transport transport, SmtpSettings smtp, boolean revealLinks,
                              Duration freshness) {

    public enum Transport { LOG, SMTP }

    /** AUTH_FRESHNESS_MS's default. */
    public static final Duration DEFAULT_FRESHNESS = Duration.ofMillis(500);

    public static final AccountSettings DEFAULTS = new AccountSettings(AccountPolicy.defaults(), Transport.LOG, null,
            false);

    public AccountSettings {
        if (transport == Transport.SMTP && smtp == null) {
            throw new IllegalArgumentException("MAIL_TRANSPORT=smtp needs MAIL_SMTP_HOST");
        }
        if (freshness.isNegative() || freshness.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("auth.freshness-ms (AUTH_FRESHNESS_MS) must be between 0 and 1000: "
                    + "a suspension, a revoked key or a reset password must count on every instance within a second "
                    + "(was " + freshness.toMillis() + ")");
        }
    }

    /** With the default freshness window. */
    public AccountSettings(AccountPolicy policy, Transport transport, SmtpSettings smtp, boolean revealLinks) {
        this(policy, transport, smtp, revealLinks, DEFAULT_FRESHNESS);
    }

    static Transport transport(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "log" -> Transport.LOG;
            case "smtp" -> Transport.SMTP;
            default -> throw new IllegalArgumentException("mail.transport (MAIL_TRANSPORT) must be log or smtp (was '"
                    + value + "')");
        };
    }

    /** A send may take three timeouts (connect, read, write): the outbox lease must outlast it. */
    void checkLease(Duration lease) {
        if (transport == Transport.SMTP && smtp.timeout().multipliedBy(3).compareTo(lease) >= 0) {
            throw new IllegalArgumentException("mail.smtp.timeout-ms (MAIL_SMTP_TIMEOUT_MS) times three must be "
                    + "shorter than delivery.lease-seconds (DELIVERY_LEASE_SECONDS)");
        }
    }

    Mailer mailer() {
        return transport == Transport.SMTP ? new SmtpMailer(smtp) : new LogMailer(revealLinks);
    }

    /** Mail to an SMTP server on {@code host:port} without TLS or credentials (a relay on this host, tests). */
    public AccountSettings withSmtp(String host, int port) {
        return new AccountSettings(policy, Transport.SMTP, new SmtpSettings(host, port, null, null,
                SmtpSettings.Security.NONE, "DeFarm <no-reply@localhost>", Duration.ofSeconds(5)), revealLinks,
                freshness);
    }

    public AccountSettings withPolicy(AccountPolicy newPolicy) {
        return new AccountSettings(newPolicy, transport, smtp, revealLinks, freshness);
    }

    /** {@code window}: see AUTH_FRESHNESS_MS (zero keeps nothing). */
    public AccountSettings withFreshness(Duration window) {
        return new AccountSettings(policy, transport, smtp, revealLinks, window);
    }

    @Override
    public String toString() {
        return "AccountSettings[" + policy + ", mail=" + transport.name().toLowerCase(java.util.Locale.ROOT)
                + (smtp == null ? "" : " " + smtp) + ", freshness=" + freshness.toMillis() + "ms]";
    }
}
