package net.defarm.application.delivery;

import java.util.Map;
import net.defarm.application.shared.OutboundPort;

/**
 * Sends one HTTP request to a webhook receiver. Refuses targets the {@link WebhookTargetGuard} refuses (checked
 * again at send time, after name resolution), follows no redirect, and bounds connect and read times. Never throws
 * for a failed delivery: the outcome says what happened.
 */
@OutboundPort
public interface WebhookSender {

    Outcome send(Request request);

    record Request(String url, String method, Map<String, String> headers, String body) {
        public Request {
            headers = Map.copyOf(headers);
        }
    }

    /** The receiver's status code (null without a response), the error if any, and the start of its body. */
    record Outcome(Integer statusCode, String error, String responseBody, long durationMillis) {
        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }
}
