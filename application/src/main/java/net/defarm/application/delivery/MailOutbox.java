package net.defarm.application.delivery;

import java.time.Instant;
import java.util.UUID;
import net.defarm.domain.delivery.OutboxMessage;

/**
 * Queues mail through the outbox, in the caller's unit of work: the mail exists only if the change that causes it
 * commits, and the dispatcher sends it. The message is sealed with the service's key, since a mail may carry a
 * secret (a reset link) and outbox rows are kept after delivery.
 */
public final class MailOutbox {

    private final Outbox outbox;
    private final SecretBox secrets;

    public MailOutbox(Outbox outbox, SecretBox secrets) {
        this.outbox = outbox;
        this.secrets = secrets;
    }

    /** {@code target} names whom it is for in operations (an account id, never the address). */
    public void enqueue(String target, String eventType, MailMessage mail, Instant now) {
        outbox.enqueue(OutboxMessage.create(UUID.randomUUID(), OutboxMessage.MAIL, null, target, eventType,
                secrets.seal(mail.encode()), now));
    }

    /** The mail a claimed message holds. */
    MailMessage open(OutboxMessage message) {
        return MailMessage.decode(secrets.open(message.payload()));
    }
}
