package net.defarm.application.identity;

import net.defarm.domain.identity.UserAccount;

/**
 * What else happens when a user registers, inside the registration's unit of work (the credits context records
 * the registration grant here); a failure undoes the registration.
 */
@FunctionalInterface
public interface AccountOpening {

    void opened(UserAccount account);
}
