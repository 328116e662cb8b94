package net.defarm.application.delivery;

import net.defarm.application.shared.OutboundPort;

/**
 * Standard Webhooks signing: each webhook has a secret ({@code whsec_<base64 key>}) and every request carries
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}.
 */
@OutboundPort
public interface WebhookSigner {

    String newSecret();

    /** The {@code webhook-signature} header value for one request. */
    String sign(String secret, String messageId, long timestampSeconds, String body);
}
