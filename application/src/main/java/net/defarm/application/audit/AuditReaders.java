package net.defarm.application.audit;

import net.defarm.application.shared.Actor;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.PermissionDeniedException;

/** Who reads whose audit records: administrators and auditors read everyone's, every other user their own. */
final class AuditReaders {

    private final Accounts users;
    private final AuditorRoles auditors;

    AuditReaders(Accounts users, AuditorRoles auditors) {
        this.users = users;
        this.auditors = auditors;
    }

    boolean privileged(Actor actor) {
        return administrator(actor) || auditors.isAuditor(actor.userId());
    }

    /** An active account with the administrator flag, as stored now. */
    boolean administrator(Actor actor) {
        return users.findById(actor.userId()).filter(UserAccount::isActive).map(UserAccount::admin).orElse(false);
    }

    Accounts accounts() {
        return users;
    }

    void requirePrivileged(Actor actor) {
        if (!privileged(actor)) {
            throw new PermissionDeniedException("AUDITOR_REQUIRED",
                    "Only administrators and auditors may do this");
        }
    }

    /** The filter narrowed to what the actor may read; asking for another user's records needs the role. */
    AuditFilter scoped(Actor actor, AuditFilter filter) {
        if (filter.involving() != null && filter.involving().equals(actor.userId())) {
            return filter;
        }
        if (privileged(actor)) {
            return filter;
        }
        if (filter.involving() != null) {
            throw new PermissionDeniedException("AUDITOR_REQUIRED",
                    "Only administrators and auditors read other users' audit records");
        }
        return filter.involving(actor.userId());
    }
}
