package net.defarm.application.delivery;

/**
 * The outbound ports of delivery that are not storage: sealing secrets, signing, checking targets, sending webhook
 * calls and mail.
 */
public record DeliveryPorts(SecretBox secrets, WebhookSigner signer, WebhookTargetGuard guard, WebhookSender sender,
                            Mailer mailer) {
}
