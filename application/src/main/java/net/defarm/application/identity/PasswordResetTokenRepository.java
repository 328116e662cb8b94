package net.defarm.application.identity;

import java.time.Instant;
import java.util.Optional;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.identity.PasswordResetToken;

/** Password reset requests, by the hash of their token (the token itself is never stored). */
@OutboundPort
public interface PasswordResetTokenRepository {

    void insert(PasswordResetToken token);

    Optional<PasswordResetToken> findByHash(String tokenHash);

    /**
     * Marks the token used at {@code now} if it is unused and unexpired then. Conditional and atomic: of concurrent
     * callers exactly one gets true; an unknown, used or expired token gives false.
     */
    boolean consume(String tokenHash, Instant now);

    /** How many tokens the user was issued at or after {@code since}. */
    int countIssuedSince(String userId, Instant since);

    /** Deletes the user's tokens issued before {@code before} (long expired); returns how many. */
    int deleteIssuedBefore(String userId, Instant before);
}
