package net.defarm.application.audit;

import net.defarm.application.shared.Actor;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.shared.NotFoundException;

/** Administrators grant and withdraw the auditor role; each change is audited in its own transaction. */
@UseCase
public final class AuditorGrants {

    private final AuditorRoles roles;
    private final AuditReaders readers;
    private final AuditTrail trail;
    private final UnitOfWork uow;

    AuditorGrants(AuditorRoles roles, AuditReaders readers, AuditTrail trail, UnitOfWork uow) {
        this.roles = roles;
        this.readers = readers;
        this.trail = trail;
        this.uow = uow;
    }

    /** Sets the role; {@code auditor} false withdraws it. */
    public void set(Actor actor, String userId, boolean auditor) {
        readers.requireAdministrator(actor, "Only administrators grant the auditor role");
        if (readers.accounts().findById(userId).isEmpty()) {
            throw new NotFoundException("USER_NOT_FOUND", "User not found");
        }
        uow.inTransaction(() -> {
            roles.set(userId, auditor, actor.userId());
            trail.record(actor, AuditFact.of(AuditEventType.SECURITY, auditor ? "admin.grant_auditor"
                    : "admin.revoke_auditor", "user", userId).subject(userId).severity(AuditSeverity.MEDIUM));
        });
    }
}
