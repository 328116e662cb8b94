package net.defarm.application.circuits;

import net.defarm.domain.audit.AuditEventType;
import net.defarm.application.audit.AuditFact;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CustomRole;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.shared.NotFoundException;

/** Members and roles of a circuit: who belongs, with which role, and the circuit's custom roles. */
@UseCase
public final class ManageMembership {

    private final CircuitStore store;
    private final UserAccountRepository users;

    ManageMembership(CircuitStore store, UserAccountRepository users) {
        this.store = store;
        this.users = users;
    }

    /** Needs Invite; the new member must be a registered user; adding an existing member is a conflict. */
    public Circuit addMember(Actor actor, UUID circuitId, String memberId, MemberRole role) {
        store.load(circuitId); // an unknown circuit answers 404 before an unknown user does
        if (users.findById(memberId).isEmpty()) {
            throw new NotFoundException("USER_NOT_FOUND", "User not found: " + memberId);
        }
        return store.change(actor, circuitId, c -> {
            c.require(actor.userId(), Permission.INVITE, "invite members");
            return c.withMember(memberId, role, store.clock.now());
        }, AuditFact.of(AuditEventType.ACCESS, "circuit.member_add", "circuit", circuitId.toString()).subject(memberId).detail("role", role.toString()));
    }

    /** Needs ManageMembers. A custom role name, when given, decides the permissions. */
    public Circuit changeRole(Actor actor, UUID circuitId, String memberId, MemberRole role, String customRoleName) {
        return store.change(actor, circuitId, c -> {
            c.require(actor.userId(), Permission.MANAGE_MEMBERS, "manage members");
            return c.withMemberRole(memberId, role, customRoleName, store.clock.now());
        }, AuditFact.of(AuditEventType.ACCESS, "circuit.member_role", "circuit", circuitId.toString()).subject(memberId).detail("role", customRoleName != null ? customRoleName : String.valueOf(role)));
    }

    /** Needs ManageMembers, except that a member may always leave. The owner cannot be removed. */
    public Circuit removeMember(Actor actor, UUID circuitId, String memberId) {
        return store.change(actor, circuitId, c -> {
            if (!actor.userId().equals(memberId)) {
                c.require(actor.userId(), Permission.MANAGE_MEMBERS, "manage members");
            }
            return c.withoutMember(memberId, store.clock.now());
        }, AuditFact.of(AuditEventType.ACCESS, "circuit.member_remove", "circuit", circuitId.toString()).subject(memberId));
    }

    public Circuit createRole(Actor actor, UUID circuitId, String roleName, Set<Permission> permissions,
                              String description, String color) {
        return store.change(actor, circuitId, c -> {
            c.require(actor.userId(), Permission.MANAGE_ROLES, "manage roles");
            return c.withCustomRole(new CustomRole(UUID.randomUUID(), roleName, permissions, description, color,
                    store.clock.now(), actor.userId(), false), store.clock.now());
        }, AuditFact.of(AuditEventType.ACCESS, "circuit.role_create", "circuit", circuitId.toString()).detail("role", roleName));
    }

    public Circuit updateRole(Actor actor, UUID circuitId, String roleName, Set<Permission> permissions,
                              String description, String color) {
        return store.change(actor, circuitId, c -> {
            c.require(actor.userId(), Permission.MANAGE_ROLES, "manage roles");
            return c.withUpdatedCustomRole(roleName, permissions, description, color, store.clock.now());
        }, AuditFact.of(AuditEventType.ACCESS, "circuit.role_update", "circuit", circuitId.toString()).detail("role", roleName));
    }

    public Circuit deleteRole(Actor actor, UUID circuitId, String roleName) {
        return store.change(actor, circuitId, c -> {
            c.require(actor.userId(), Permission.MANAGE_ROLES, "manage roles");
            return c.withoutCustomRole(roleName, store.clock.now());
        }, AuditFact.of(AuditEventType.ACCESS, "circuit.role_delete", "circuit", circuitId.toString()).detail("role", roleName));
    }
}
