package net.defarm.application.admin;

import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Actor;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Who may administer: an account with the administrator flag, signed in with a password, or through an API key
 * that has the {@code admin} permission. Checked first in every administration use case, before any input is
 * looked at, and on the account as stored now (a demoted or frozen administrator stops at once).
 */
public final class AdminGate {

    private final UserAccountRepository users;

    public AdminGate(UserAccountRepository users) {
        this.users = users;
    }

    /** The administrator acting, as stored now; refused (403) otherwise. */
    public UserAccount require(Actor actor) {
        actor.requireCredentialMayAdminister();
        return users.findById(actor.userId()).filter(a -> a.admin() && a.isActive())
                .orElseThrow(() -> new PermissionDeniedException("ADMIN_REQUIRED", "Admin privileges required"));
    }
}
