package net.defarm.application.shared;

import java.util.Objects;
import java.util.Optional;

/**
 * The authenticated user a request acts for. Always taken from credentials, never from a request body.
 * {@code key} is set when an API key authenticated the request (null for a password session).
 */
public record Actor(String userId, String workspaceId, KeyScope key) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
    }

    /** A password (JWT) session. */
    public Actor(String userId, String workspaceId) {
        this(userId, workspaceId, null);
    }

    public Optional<KeyScope> keyScope() {
        return Optional.ofNullable(key);
    }
}
