package net.defarm.application.audit;

import net.defarm.application.shared.Actor;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Who reads whose audit records: administrators and auditors read everyone's, every other user their own. Through
 * an API key, the privileged part (reading others' records, granting the role, cleaning up activity logs) also
 * needs the key's {@code admin} permission, as every administration route does: a read-only or write-only key of
 * an administrator or auditor reads only its owner's own records.
 */
final class AuditReaders {

    private final Accounts users;
    private final AuditorRoles auditors;

    AuditReaders(Accounts users, AuditorRoles auditors) {
        this.users = users;
        this.auditors = auditors;
    }

    boolean privileged(Actor actor) {
        return actor.credentialMayAdminister() && (administrator(actor) || auditors.isAuditor(actor.userId()));
    }

    /** An active account with the administrator flag, as stored now (the key's permission is checked apart). */
    private boolean administrator(Actor actor) {
        return users.findById(actor.userId()).filter(UserAccount::isActive).map(UserAccount::admin).orElse(false);
    }

    /** The administration gate's rule: a key without the admin permission, then a non-administrator, is refused. */
    void requireAdministrator(Actor actor, String refusal) {
        actor.requireCredentialMayAdminister();
        if (!administrator(actor)) {
            throw new PermissionDeniedException("ADMIN_REQUIRED", refusal);
        }
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
