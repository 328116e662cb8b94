package net.defarm.adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    private static final String KEY = "a-configured-key-of-at-least-32-characters";

    @Test
    void sealedSecretsOpenOnlyWithTheKeyAndAreNotPlainText() {
        AesGcmSecretBox box = new AesGcmSecretBox(KEY);
        String sealed = box.seal("Bearer xyz");
        assertFalse(sealed.contains("xyz"));
        assertNotEquals(sealed, box.seal("Bearer xyz"), "a fresh nonce per seal");
        assertEquals("Bearer xyz", box.open(sealed));
        assertThrows(IllegalStateException.class, () -> new AesGcmSecretBox(KEY + "-other").open(sealed));
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(IllegalStateException.class, () -> box.open(tampered));
        assertThrows(IllegalArgumentException.class, () -> new AesGcmSecretBox("short"));
    }

    @Test
    void standardWebhooksSignaturesMatchTheSpecificationExample() {
        // The example of the Standard Webhooks specification (secret, id, timestamp, body and signature).
        HmacWebhookSigner signer = new HmacWebhookSigner();
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        String signature = signer.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
        assertTrue(signer.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body, "v1,x " + signature));
        assertFalse(signer.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body + " ", signature));
        assertTrue(signer.newSecret().startsWith("whsec_"));
        assertNotEquals(signer.newSecret(), signer.newSecret());
    }
}
