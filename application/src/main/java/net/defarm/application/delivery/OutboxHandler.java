package net.defarm.application.delivery;

import net.defarm.domain.delivery.OutboxMessage;

/**
 * Carries out the messages of one outbox topic that another context owns (content uploads and anchoring): the
 * dispatcher claims, calls this, and settles with its retry policy. A handler must be idempotent per message id: a
 * message whose lease expired mid-run is handled again.
 */
@FunctionalInterface
public interface OutboxHandler {

    /** How one attempt went; {@code permanent} failures are not retried (no later attempt can succeed). */
    record Outcome(boolean done, String error, boolean permanent) {
        public static Outcome success() {
            return new Outcome(true, null, false);
        }

        public static Outcome retry(String error) {
            return new Outcome(false, error, false);
        }

        public static Outcome giveUp(String error) {
            return new Outcome(false, error, true);
        }
    }

    Outcome handle(OutboxMessage message);
}
