package net.defarm.application.shared;

import java.util.Objects;

/** The authenticated user a request acts for. Always taken from credentials, never from a request body. */
public record Actor(String userId, String workspaceId) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
    }
}
