package net.defarm.domain.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.WireNames;

/** A message for one user about something that concerns them (a join request, a configuration change). */
public record Notification(UUID id, String userId, Type type, String title, String message, boolean read,
                           Instant timestamp, JsonObject data) {

    public enum Type {
        JOIN_REQUEST_RECEIVED("JoinRequestReceived"),
        JOIN_REQUEST_APPROVED("JoinRequestApproved"),
        JOIN_REQUEST_REJECTED("JoinRequestRejected"),
        CIRCUIT_ADAPTER_CONFIG_UPDATED("CircuitAdapterConfigUpdated");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Type fromWireName(String name) {
            return WireNames.require(values(), Type::wireName, name, "notification type");
        }
    }

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        data = data == null ? JsonObject.EMPTY : data;
    }

    public Notification markedRead() {
        return new Notification(id, userId, type, title, message, true, timestamp, data);
    }

    public static Notification joinRequestReceived(UUID id, String adminId, String circuitName, String circuitId,
                                                   String requesterId, String requestMessage, Instant now) {
        return new Notification(id, adminId, Type.JOIN_REQUEST_RECEIVED, "New join request for " + circuitName,
                "User " + requesterId + " requested to join your circuit", false, now, data(now, Map.of(
                "requester_id", requesterId, "circuit_id", circuitId, "circuit_name", circuitName,
                "message", requestMessage == null ? "" : requestMessage)));
    }

    public static Notification joinRequestApproved(UUID id, String requesterId, String circuitName, String circuitId,
                                                   String approvedBy, String role, Instant now) {
        return new Notification(id, requesterId, Type.JOIN_REQUEST_APPROVED, "Join request approved for "
                + circuitName, "Your request to join " + circuitName + " has been approved. You are now a " + role
                + ".", false, now, data(now, Map.of("circuit_id", circuitId, "circuit_name", circuitName,
                "approved_by", approvedBy, "assigned_role", role)));
    }

    public static Notification joinRequestRejected(UUID id, String requesterId, String circuitName, String circuitId,
                                                   String rejectedBy, Instant now) {
        return new Notification(id, requesterId, Type.JOIN_REQUEST_REJECTED, "Join request rejected for "
                + circuitName, "Your request to join " + circuitName + " has been rejected.", false, now,
                data(now, Map.of("circuit_id", circuitId, "circuit_name", circuitName, "rejected_by", rejectedBy)));
    }

    public static Notification adapterConfigUpdated(UUID id, String memberId, String circuitName, String circuitId,
                                                    String adapterType, boolean sponsored, String configuredBy,
                                                    Instant now) {
        JsonObject data = data(now, Map.of("circuit_id", circuitId, "circuit_name", circuitName,
                "adapter_type", adapterType, "configured_by", configuredBy))
                .with("sponsor_adapter_access", JsonValue.of(sponsored));
        return new Notification(id, memberId, Type.CIRCUIT_ADAPTER_CONFIG_UPDATED,
                "Circuit Adapter Configuration Updated", "The adapter configuration for circuit '" + circuitName
                + "' has been updated by " + configuredBy, false, now, data);
    }

    private static JsonObject data(Instant now, Map<String, String> values) {
        JsonObject data = JsonObject.of("timestamp", JsonValue.of(now.getEpochSecond()));
        for (Map.Entry<String, String> e : values.entrySet()) {
            data = data.with(e.getKey(), JsonValue.of(e.getValue()));
        }
        return data;
    }
}
