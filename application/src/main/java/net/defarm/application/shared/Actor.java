package net.defarm.application.shared;

import java.util.Objects;
import java.util.Optional;
import net.defarm.domain.shared.PermissionDeniedException;

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

    /** Whether the credential may administer: a password session, or an API key with the {@code admin} permission. */
    public boolean credentialMayAdminister() {
        return key == null || key.permissions().admin();
    }

    /** Refuses (403) an API key without the {@code admin} permission; the account's own rights are checked apart. */
    public void requireCredentialMayAdminister() {
        if (!credentialMayAdminister()) {
            throw new PermissionDeniedException("INSUFFICIENT_KEY_PERMISSIONS",
                    "This API key does not have the admin permission");
        }
    }
}
