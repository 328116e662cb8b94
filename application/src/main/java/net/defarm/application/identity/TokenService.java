package net.defarm.application.identity;

import java.time.Instant;
import net.defarm.application.shared.OutboundPort;

/** Issues and verifies bearer tokens carrying the user id and workspace. */
@OutboundPort
public interface TokenService {

    IssuedToken issue(String userId, String workspaceId);

    /** The claims of a valid, unexpired token; an AuthenticationException otherwise. */
    TokenClaims verify(String token);

    record IssuedToken(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]";
        }
    }

    /** {@code issuedAt} to the microsecond (null when the token does not say): sessions ended later refuse it. */
    record TokenClaims(String userId, String workspaceId, Instant expiresAt, Instant issuedAt) {
        public TokenClaims(String userId, String workspaceId, Instant expiresAt) {
            this(userId, workspaceId, expiresAt, null);
        }
    }
}
