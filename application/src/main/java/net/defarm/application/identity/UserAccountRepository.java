package net.defarm.application.identity;

import java.util.Optional;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.identity.UserAccount;

/** Stored user accounts. Usernames and emails are unique regardless of letter case. */
@OutboundPort
public interface UserAccountRepository {

    /**
     * Stores a new account and returns it as stored; a taken username or email is a ConflictException
     * (DUPLICATE_USERNAME / DUPLICATE_EMAIL).
     */
    UserAccount insert(UserAccount account);

    Optional<UserAccount> findById(String userId);

    /** Case-insensitive. */
    Optional<UserAccount> findByUsername(String username);

    /** Case-insensitive. */
    Optional<UserAccount> findByEmail(String email);

    /** Writes a changed account read at {@code account.version()}; returns it at its new version. */
    UserAccount update(UserAccount account);
}
