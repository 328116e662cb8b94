package net.defarm.application.identity;

import java.time.Instant;

/** What a successful sign-up, sign-in or refresh gives the client. */
public record AuthResult(String token, String userId, String workspaceId, Instant expiresAt) {
    @Override
    public String toString() {
        return "AuthResult[" + userId + "]";
    }
}
