package net.defarm.application.circuits;

import java.util.List;
import java.util.UUID;
import net.defarm.application.identity.PasswordHasher;
import net.defarm.application.notifications.NotificationRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.AccessMode;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitMember;
import net.defarm.domain.circuits.JoinRequest;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.notifications.Notification;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Becoming a member: asking to join (those who manage members are told), having the request approved with a role
 * or rejected (the requester is told), or joining a public circuit directly.
 */
@UseCase
public final class JoinCircuit {

    /** The outcome of joining a public circuit: a member now, or a request waiting for approval. */
    public record PublicJoin(boolean pending, String message) {
    }

    /** The caller's own request, as filed: what a requester may know without being a member. */
    public record Filed(UUID circuitId, JoinRequest request) {
    }

    private final CircuitStore store;
    private final NotificationRepository notifications;
    private final PasswordHasher hasher;

    JoinCircuit(CircuitStore store, NotificationRepository notifications, PasswordHasher hasher) {
        this.store = store;
        this.notifications = notifications;
        this.hasher = hasher;
    }

    /**
     * Files the caller's request. The answer is that request only: a requester is not a member yet, so the circuit's
     * members and other users' requests stay hidden from them.
     */
    public Filed request(Actor actor, UUID circuitId, String message) {
        Circuit changed = store.change(actor, circuitId, c -> {
            Circuit requested = c.withJoinRequest(actor.userId(), message, store.clock.now());
            notifyManagers(requested, actor.userId(), message);
            return requested;
        });
        return new Filed(circuitId, changed.pendingRequest(actor.userId()).orElseThrow());
    }

    /** Pending requests, for those who may decide them. */
    public List<JoinRequest> pending(Actor actor, UUID circuitId) {
        Circuit c = store.ofMember(actor, circuitId);
        c.require(actor.userId(), Permission.MANAGE_MEMBERS, "approve join requests");
        return c.pendingRequests();
    }

    /**
     * Admits the requester with {@code role}, as the caller: ids the request names ({@code admin_id}) may only name
     * the caller.
     */
    public Circuit approve(Actor actor, UUID circuitId, String requesterId, MemberRole role, List<String> named) {
        ApproveOperations.actsAsCaller(actor, named);
        return store.change(actor, circuitId, c -> {
            c.require(actor.userId(), Permission.MANAGE_MEMBERS, "approve join requests");
            Circuit changed = c.approvingJoin(requesterId, role, store.clock.now());
            notifications.insert(Notification.joinRequestApproved(UUID.randomUUID(), requesterId, c.name(),
                    c.circuitId().toString(), actor.userId(), role.wireName(), store.clock.now()));
            return changed;
        });
    }

    /** Refuses the request, as the caller (ids the request names may only name the caller). */
    public Circuit reject(Actor actor, UUID circuitId, String requesterId, List<String> named) {
        ApproveOperations.actsAsCaller(actor, named);
        return store.change(actor, circuitId, c -> {
            c.require(actor.userId(), Permission.MANAGE_MEMBERS, "reject join requests");
            Circuit changed = c.rejectingJoin(requesterId, store.clock.now());
            notifications.insert(Notification.joinRequestRejected(UUID.randomUUID(), requesterId, c.name(),
                    c.circuitId().toString(), actor.userId(), store.clock.now()));
            return changed;
        });
    }

    /**
     * Joins a publicly accessible circuit: a protected one needs its password; with auto-approval the caller becomes
     * a Member at once, otherwise a join request is filed.
     */
    public PublicJoin joinPublic(Actor actor, UUID circuitId, String password, String message) {
        Circuit circuit = store.load(circuitId);
        if (!circuit.isPubliclyAccessible(store.clock.now())) {
            throw new PermissionDeniedException("NOT_PUBLIC", "Permission denied: Circuit is not publicly accessible");
        }
        if (circuit.isMember(actor.userId())) {
            throw new net.defarm.domain.shared.ConflictException("ALREADY_MEMBER",
                    "User is already a member of this circuit");
        }
        var settings = circuit.publicSettings();
        if (settings != null && settings.accessMode() == AccessMode.PROTECTED) {
            // bcrypt runs here, before the transaction, so no connection is held while it works.
            if (password == null || settings.accessPasswordHash() == null
                    || !hasher.matches(password, settings.accessPasswordHash())) {
                throw new PermissionDeniedException("INVALID_ACCESS_PASSWORD",
                        "Permission denied: Invalid access password");
            }
        }
        if (settings != null && settings.autoApproveMembers()) {
            store.change(actor, circuitId, c -> c.withMember(actor.userId(), MemberRole.MEMBER, store.clock.now()));
            return new PublicJoin(false, "Automatically approved");
        }
        request(actor, circuitId, message);
        return new PublicJoin(true, "Join request submitted");
    }

    private void notifyManagers(Circuit circuit, String requesterId, String message) {
        for (CircuitMember m : circuit.members()) {
            if (m.memberId().equals(circuit.ownerId()) || m.has(Permission.MANAGE_MEMBERS)) {
                notifications.insert(Notification.joinRequestReceived(UUID.randomUUID(), m.memberId(),
                        circuit.name(), circuit.circuitId().toString(), requesterId, message, store.clock.now()));
            }
        }
    }
}
