package net.defarm.adapters.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.defarm.application.delivery.WebhookSigner;

/**
 * Standard Webhooks signatures: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed by
 * the webhook's secret {@code whsec_<base64 key>}. Receivers verify with any Standard Webhooks library.
 */
public final class HmacWebhookSigner implements WebhookSigner {

    public static final String PREFIX = "whsec_";
    private final SecureRandom random = new SecureRandom();

    /** A new secret: 24 random bytes, base64, with the {@code whsec_} prefix. */
    @Override
    public String newSecret() {
        byte[] key = new byte[24];
        random.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The header value for one request: {@code v1,<signature>}. */
    @Override
    public String sign(String secret, String messageId, long timestampSeconds, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, messageId + "." + timestampSeconds + "." + body));
    }

    /** Whether one of the space-separated signatures in {@code header} matches (constant-time comparison). */
    public boolean verify(String secret, String messageId, long timestampSeconds, String body, String header) {
        byte[] expected = sign(secret, messageId, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : header.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String content) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
