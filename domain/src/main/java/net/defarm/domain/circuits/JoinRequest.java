package net.defarm.domain.circuits;

import java.time.Instant;

/** A user's request to join a circuit; kept after it is decided, with its outcome. */
public record JoinRequest(String requesterId, Instant requestedAt, String message, Status status) {

    public enum Status { PENDING, APPROVED, REJECTED }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    JoinRequest decided(Status outcome) {
        return new JoinRequest(requesterId, requestedAt, message, outcome);
    }
}
