package net.defarm.domain.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One try at delivering an outbox message: the receiver's status code (null when no response came), the error
 * (truncated), how long it took, and the start of the receiver's response body (truncated).
 */
public record DeliveryAttempt(UUID messageId, int number, Instant at, Integer statusCode, String error,
                              long durationMillis, String responseBody) {

    public static final int MAX_TEXT = 1024;

    public DeliveryAttempt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(at, "at");
        error = truncate(error);
        responseBody = truncate(responseBody);
    }

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public static String truncate(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT) + "…";
    }
}
