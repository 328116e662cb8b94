package net.defarm.domain.circuits;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.WireNames;

/** A push or pull of an item in a circuit, completed at once or waiting for approval. */
public record CircuitOperation(UUID operationId, UUID circuitId, String dfid, Type type, String requesterId,
                               Instant timestamp, Status status, Map<String, String> metadata, long version) {

    public enum Type {
        PUSH("Push"), PULL("Pull");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Type fromWireName(String name) {
            return switch (name) {
                case "Push" -> PUSH;
                case "Pull" -> PULL;
                default -> throw new IllegalArgumentException("unknown operation type: " + name);
            };
        }
    }

    public enum Status {
        PENDING("Pending"), APPROVED("Approved"), REJECTED("Rejected"), COMPLETED("Completed"), FAILED("Failed");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Status fromWireName(String name) {
            return WireNames.require(values(), Status::wireName, name, "operation status");
        }
    }

    public CircuitOperation {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        metadata = Map.copyOf(metadata);
    }

    public static CircuitOperation start(UUID operationId, UUID circuitId, String dfid, Type type, String requesterId,
                                         boolean needsApproval, Instant now) {
        return new CircuitOperation(operationId, circuitId, dfid, type, requesterId, now,
                needsApproval ? Status.PENDING : Status.COMPLETED, Map.of(), 0);
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    /** Approval completes a pending operation; anything else was already decided (409). */
    public CircuitOperation approved(String approverId, Instant now) {
        requirePending();
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.put("approved_by", approverId);
        meta.put("approved_at", now.toString());
        return new CircuitOperation(operationId, circuitId, dfid, type, requesterId, timestamp, Status.COMPLETED, meta,
                version);
    }

    /**
     * When the operation was approved, if it was. Read from the stored metadata, which older or hand-edited rows may
     * lack or hold in another form: such a value counts as unknown rather than failing the read.
     */
    public Optional<Instant> approvedAt() {
        String value = metadata.get("approved_at");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public CircuitOperation rejected(String rejecterId, String reason, Instant now) {
        requirePending();
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        if (reason != null) {
            meta.put("rejection_reason", reason);
        }
        meta.put("rejected_by", rejecterId);
        meta.put("rejected_at", now.toString());
        return new CircuitOperation(operationId, circuitId, dfid, type, requesterId, timestamp, Status.REJECTED, meta,
                version);
    }

    private void requirePending() {
        if (!isPending()) {
            throw new ConflictException("OPERATION_NOT_PENDING", "Operation " + operationId + " is already "
                    + status.wireName() + "; only pending operations can be approved or rejected");
        }
    }

    public CircuitOperation atVersion(long storedVersion) {
        return new CircuitOperation(operationId, circuitId, dfid, type, requesterId, timestamp, status, metadata,
                storedVersion);
    }
}
