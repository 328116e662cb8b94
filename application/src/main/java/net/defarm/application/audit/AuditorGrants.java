package net.defarm.application.audit;

import net.defarm.application.shared.Actor;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/** Administrators grant and withdraw the auditor role; each change is audited in its own transaction. */
@UseCase
public final class AuditorGrants {

    private final AuditorRoles roles;
    private final Accounts users;
    private final AuditTrail trail;
    private final UnitOfWork uow;

    AuditorGrants(AuditorRoles roles, Accounts users, AuditTrail trail, UnitOfWork uow) {
        this.roles = roles;
        this.users = users;
        this.trail = trail;
        this.uow = uow;
    }

    public boolean isAuditor(String userId) {
        return roles.isAuditor(userId);
    }

    /** Sets the role; {@code auditor} false withdraws it. */
    public void set(Actor actor, String userId, boolean auditor) {
        boolean admin = users.findById(actor.userId()).filter(UserAccount::isActive).map(UserAccount::admin)
                .orElse(false);
        if (!admin) {
            throw new PermissionDeniedException("ADMIN_REQUIRED", "Only administrators grant the auditor role");
        }
        if (users.findById(userId).isEmpty()) {
            throw new NotFoundException("USER_NOT_FOUND", "User not found");
        }
        uow.inTransaction(() -> {
            roles.set(userId, auditor, actor.userId());
            trail.record(actor, AuditFact.of(AuditEventType.SECURITY, auditor ? "admin.grant_auditor"
                    : "admin.revoke_auditor", "user", userId).subject(userId).severity(AuditSeverity.MEDIUM));
        });
    }
}
