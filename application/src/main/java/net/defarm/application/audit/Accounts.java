package net.defarm.application.audit;

import java.util.Optional;
import net.defarm.domain.identity.UserAccount;

/** Looks accounts up by id (the account store's read), so the trail depends on no other context's ports. */
@FunctionalInterface
public interface Accounts {
    Optional<UserAccount> findById(String userId);
}
