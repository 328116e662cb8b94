package net.defarm.adapters.mail;

import java.time.Duration;
import java.util.Locale;

/**
 * Where and how mail is handed over: the SMTP server, its credentials (both or neither), the transport security
 * ({@code starttls}: plain connection upgraded, refusing a server that cannot; {@code tls}: TLS from the first byte,
 * usually port 465; {@code none}: only for a relay on the same host or in tests), the sender and the timeouts.
 */
public record SmtpSettings(String host, int port, String username, String password, Security security, String from,
                           Duration timeout) {

    public enum Security {
        NONE, STARTTLS, TLS;

        public static Security parse(String value) {
            for (Security s : values()) {
                if (s.name().equalsIgnoreCase(value.strip())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("MAIL_SMTP_SECURITY must be one of: starttls, tls, none (was '" + value
                    + "')");
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("MAIL_SMTP_HOST is required when MAIL_TRANSPORT is smtp");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("MAIL_SMTP_PORT must be between 1 and 65535");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("MAIL_SMTP_USERNAME and MAIL_SMTP_PASSWORD are set together or not at "
                    + "all");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("MAIL_SMTP_TIMEOUT_MS must be positive");
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security.key() + ", auth=" + (username != null) + "]";
    }
}
