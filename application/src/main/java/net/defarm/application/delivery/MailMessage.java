package net.defarm.application.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * One plain-text mail. {@code secret} is the part of the text that grants something (a reset token): adapters that
 * write mail anywhere but to its recipient show {@link #redactedText()} instead.
 */
public record MailMessage(String to, String subject, String text, String secret) {

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    public String redactedText() {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "[redacted]");
    }

    /** An unambiguous text form (each field base64, dot-separated), sealed as an outbox payload. */
    public String encode() {
        return String.join(".", b64(to), b64(subject), b64(text), b64(secret == null ? "" : secret));
    }

    public static MailMessage decode(String encoded) {
        String[] parts = encoded.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an encoded mail message");
        }
        String secret = unb64(parts[3]);
        return new MailMessage(unb64(parts[0]), unb64(parts[1]), unb64(parts[2]), secret.isEmpty() ? null : secret);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MailMessage[subject=" + subject + "]";
    }
}
