package net.defarm.domain.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A password reset request: only the hash of the token's 32 random bytes is stored, the token itself exists in the
 * mail sent to the account's owner. Usable once ({@code usedAt} is set by the reset) and until {@code expiresAt}.
 */
public record PasswordResetToken(String tokenHash, String userId, Instant createdAt, Instant expiresAt,
                                 Instant usedAt) {

    public PasswordResetToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Unused and not yet expired at {@code now}. */
    public boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
