package net.defarm.application.delivery;

import net.defarm.application.shared.OutboundPort;

/**
 * Sends one mail. Called by the outbox dispatcher, never on a request's path. Never throws for a failed send: the
 * outcome says what happened, and the dispatcher retries.
 */
@OutboundPort
public interface Mailer {

    Outcome send(MailMessage mail);

    /** {@code error} is null when the mail was handed over. */
    record Outcome(String error, long durationMillis) {
        public boolean sent() {
            return error == null;
        }
    }
}
