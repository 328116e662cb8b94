package net.defarm.domain.circuits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Namespaces;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * A sharing space: members with roles push items in and pull them out, owners approve what needs approval, and a
 * public circuit lets anyone see what it publishes. All of the product's authorization decisions live here.
 * Every change returns a new value; {@link #version()} is the stored version it was read at.
 */
public record Circuit(
        UUID circuitId,
        String name,
        String description,
        String ownerId,
        String defaultNamespace,
        CircuitAliasConfig aliasConfig,
        Instant createdAt,
        Instant lastModified,
        List<CircuitMember> members,
        CircuitPermissions permissions,
        CircuitStatus status,
        List<JoinRequest> joinRequests,
        List<CustomRole> customRoles,
        PublicSettings publicSettings,
        CircuitAdapterConfig adapterConfig,
        long version) {

    public static final int MAX_NAME = 255;
    /** Members per circuit: the circuit is read as one aggregate on every permission check. */
    public static final int MAX_MEMBERS = 10_000;
    public static final int MAX_CUSTOM_ROLES = 100;

    public Circuit {
        Objects.requireNonNull(circuitId, "circuitId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(status, "status");
        members = List.copyOf(members);
        joinRequests = List.copyOf(joinRequests);
        customRoles = List.copyOf(customRoles);
        permissions = permissions == null ? CircuitPermissions.NONE : permissions;
        defaultNamespace = defaultNamespace == null ? Namespaces.GENERIC : defaultNamespace;
    }

    /** A new circuit: its creator is the owner and only member, with every permission. */
    public static Circuit create(UUID circuitId, String name, String description, String ownerId,
                                 CircuitAliasConfig aliasConfig, CircuitPermissions permissions,
                                 PublicSettings publicSettings, CircuitAdapterConfig adapterConfig, Instant now) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidInputException("INVALID_NAME", "name is required (at most " + MAX_NAME + " characters)");
        }
        if (description == null) {
            throw new InvalidInputException("MISSING_FIELD", "description is required");
        }
        CircuitPermissions perms = permissions == null ? CircuitPermissions.NONE : permissions;
        if (publicSettings != null) {
            publicSettings.validate();
            perms = perms.withPublicVisibility(true);
        }
        CircuitMember owner = new CircuitMember(ownerId, MemberRole.OWNER, null, EnumSet.allOf(Permission.class), now);
        return new Circuit(circuitId, name.strip(), description, ownerId, Namespaces.GENERIC, aliasConfig, now, now,
                List.of(owner), perms, CircuitStatus.ACTIVE, List.of(), CustomRole.defaults(circuitId, now),
                publicSettings, adapterConfig, 0);
    }

    public Optional<CircuitMember> member(String userId) {
        return members.stream().filter(m -> m.memberId().equals(userId)).findFirst();
    }

    public boolean isMember(String userId) {
        return ownerId.equals(userId) || member(userId).isPresent();
    }

    /**
     * The circuit as {@code userId} may see it. A member sees everything; anyone else (a public circuit's reader)
     * gets the same shape without the circuit's people and internals: only the owner's member entry, only their
     * own join request, no custom roles, and the adapter without who configured it unless that was the owner.
     */
    public Circuit seenBy(String userId) {
        if (userId != null && isMember(userId)) {
            return this;
        }
        List<CircuitMember> owner = members.stream().filter(m -> m.memberId().equals(ownerId)).toList();
        List<JoinRequest> own = joinRequests.stream().filter(r -> r.requesterId().equals(userId)).toList();
        CircuitAdapterConfig adapter = adapterConfig == null || ownerId.equals(adapterConfig.configuredBy())
                ? adapterConfig : new CircuitAdapterConfig(adapterConfig.adapterType(), null,
                adapterConfig.configuredAt(), adapterConfig.requiresApproval(), adapterConfig.autoMigrateExisting(),
                adapterConfig.sponsorAdapterAccess());
        return new Circuit(circuitId, name, description, ownerId, defaultNamespace, aliasConfig, createdAt,
                lastModified, owner, permissions, status, own, List.of(), publicSettings, adapter, version);
    }

    public boolean can(String userId, Permission permission) {
        return member(userId).map(m -> m.has(permission)).orElse(false);
    }

    /** Refuses unless the user holds the permission; {@code action} completes "does not have permission to ...". */
    public void require(String userId, Permission permission, String action) {
        if (!can(userId, permission)) {
            throw denied(action);
        }
    }

    /** Refuses unless the user is the owner or holds the permission. */
    public void requireOwnerOr(String userId, Permission permission, String action) {
        if (!ownerId.equals(userId) && !can(userId, permission)) {
            throw denied(action);
        }
    }

    public static PermissionDeniedException denied(String action) {
        return new PermissionDeniedException("Permission denied: User does not have permission to " + action);
    }

    public Circuit withMember(String memberId, MemberRole role, Instant now) {
        if (member(memberId).isPresent()) {
            throw new ConflictException("ALREADY_MEMBER", "Member is already in the circuit");
        }
        if (members.size() >= MAX_MEMBERS) {
            throw new ConflictException("TOO_MANY_MEMBERS", "A circuit has at most " + MAX_MEMBERS + " members");
        }
        List<CircuitMember> updated = new ArrayList<>(members);
        updated.add(new CircuitMember(memberId, role, null, role.defaultPermissions(), now));
        return copy(updated, joinRequests, customRoles, permissions, publicSettings, adapterConfig, status, now);
    }

    public Circuit withoutMember(String memberId, Instant now) {
        if (ownerId.equals(memberId)) {
            throw new ConflictException("OWNER_CANNOT_LEAVE", "The owner cannot be removed from the circuit");
        }
        if (member(memberId).isEmpty()) {
            throw new NotFoundException("MEMBER_NOT_FOUND", "Member '" + memberId + "' not found");
        }
        List<CircuitMember> updated = members.stream().filter(m -> !m.memberId().equals(memberId)).toList();
        return copy(updated, joinRequests, customRoles, permissions, publicSettings, adapterConfig, status, now);
    }

    /**
     * Changes a member's role. With a custom role name, the member's permissions become exactly that role's
     * (the base role label is kept); without, the base role's defaults.
     */
    public Circuit withMemberRole(String memberId, MemberRole role, String customRoleName, Instant now) {
        CircuitMember current = member(memberId).orElseThrow(() -> new NotFoundException("MEMBER_NOT_FOUND",
                "Member '" + memberId + "' not found"));
        if (ownerId.equals(memberId)) {
            throw new ConflictException("OWNER_ROLE_FIXED", "The owner's role cannot be changed");
        }
        CircuitMember changed;
        if (customRoleName != null) {
            CustomRole custom = customRole(customRoleName).orElseThrow(() -> new NotFoundException(
                    "ROLE_NOT_FOUND", "Custom role '" + customRoleName + "' not found"));
            changed = new CircuitMember(memberId, current.role(), custom.roleName(), custom.permissions(),
                    current.joinedAt());
        } else {
            changed = new CircuitMember(memberId, role, null, role.defaultPermissions(), current.joinedAt());
        }
        return copy(replaceMember(changed), joinRequests, customRoles, permissions, publicSettings, adapterConfig,
                status, now);
    }

    public Optional<CustomRole> customRole(String roleName) {
        return customRoles.stream().filter(r -> r.roleName().equals(roleName)).findFirst();
    }

    public Circuit withCustomRole(CustomRole role, Instant now) {
        if (role.roleName().isBlank()) {
            throw new InvalidInputException("MISSING_FIELD", "role_name is required");
        }
        if (customRole(role.roleName()).isPresent()) {
            throw new ConflictException("ROLE_EXISTS", "Role '" + role.roleName() + "' already exists");
        }
        if (customRoles.size() >= MAX_CUSTOM_ROLES) {
            throw new ConflictException("TOO_MANY_ROLES", "A circuit has at most " + MAX_CUSTOM_ROLES + " roles");
        }
        List<CustomRole> roles = new ArrayList<>(customRoles);
        roles.add(role);
        return copy(members, joinRequests, roles, permissions, publicSettings, adapterConfig, status, now);
    }

    /** Updates a custom role; members holding it get its new permissions. The defaults are fixed. */
    public Circuit withUpdatedCustomRole(String roleName, Set<Permission> newPermissions, String description,
                                         String color, Instant now) {
        if (isDefaultRole(roleName)) {
            throw new InvalidInputException("DEFAULT_ROLE", "Cannot update default roles");
        }
        CustomRole current = customRole(roleName).orElseThrow(() -> new NotFoundException("ROLE_NOT_FOUND",
                "Custom role '" + roleName + "' not found"));
        CustomRole changed = new CustomRole(current.roleId(), roleName,
                newPermissions == null ? current.permissions() : newPermissions,
                description == null ? current.description() : description, color == null ? current.color() : color,
                current.createdAt(), current.createdBy(), false);
        List<CustomRole> roles = customRoles.stream().map(r -> r.roleName().equals(roleName) ? changed : r).toList();
        List<CircuitMember> updated = members.stream().map(m -> roleName.equals(m.customRoleName())
                ? new CircuitMember(m.memberId(), m.role(), roleName, changed.permissions(), m.joinedAt()) : m).toList();
        return copy(updated, joinRequests, roles, permissions, publicSettings, adapterConfig, status, now);
    }

    public Circuit withoutCustomRole(String roleName, Instant now) {
        if (isDefaultRole(roleName)) {
            throw new InvalidInputException("DEFAULT_ROLE", "Cannot remove default roles");
        }
        if (customRole(roleName).isEmpty()) {
            throw new NotFoundException("ROLE_NOT_FOUND", "Custom role '" + roleName + "' not found");
        }
        List<String> holders = members.stream().filter(m -> roleName.equals(m.customRoleName()))
                .map(CircuitMember::memberId).toList();
        if (!holders.isEmpty()) {
            throw new ConflictException("ROLE_IN_USE", "Cannot remove role '" + roleName
                    + "' - it is assigned to members: " + String.join(", ", holders));
        }
        List<CustomRole> roles = customRoles.stream().filter(r -> !r.roleName().equals(roleName)).toList();
        return copy(members, joinRequests, roles, permissions, publicSettings, adapterConfig, status, now);
    }

    private static boolean isDefaultRole(String roleName) {
        return CustomRole.OWNER.equals(roleName) || CustomRole.MEMBER.equals(roleName);
    }

    public List<JoinRequest> pendingRequests() {
        return joinRequests.stream().filter(JoinRequest::isPending).toList();
    }

    public Circuit withJoinRequest(String requesterId, String message, Instant now) {
        if (isMember(requesterId)) {
            throw new ConflictException("ALREADY_MEMBER", "User is already a member of this circuit");
        }
        if (pendingRequest(requesterId).isPresent()) {
            throw new ConflictException("REQUEST_PENDING", "User already has a pending request for this circuit");
        }
        // Decided requests of this user are history; only the latest request per user is kept.
        List<JoinRequest> requests = joinRequests.stream().filter(r -> !r.requesterId().equals(requesterId))
                .collect(Collectors.toCollection(ArrayList::new));
        requests.add(new JoinRequest(requesterId, now, message, JoinRequest.Status.PENDING));
        return copy(members, requests, customRoles, permissions, publicSettings, adapterConfig, status, now);
    }

    public Optional<JoinRequest> pendingRequest(String requesterId) {
        return joinRequests.stream().filter(r -> r.isPending() && r.requesterId().equals(requesterId)).findFirst();
    }

    public Circuit approvingJoin(String requesterId, MemberRole role, Instant now) {
        Circuit decided = deciding(requesterId, JoinRequest.Status.APPROVED, now);
        return decided.withMember(requesterId, role, now);
    }

    public Circuit rejectingJoin(String requesterId, Instant now) {
        return deciding(requesterId, JoinRequest.Status.REJECTED, now);
    }

    private Circuit deciding(String requesterId, JoinRequest.Status outcome, Instant now) {
        JoinRequest pending = pendingRequest(requesterId).orElseThrow(() -> new NotFoundException(
                "NO_PENDING_REQUEST", "No pending request found for this user"));
        List<JoinRequest> requests = joinRequests.stream().map(r -> r == pending ? r.decided(outcome) : r).toList();
        return copy(members, requests, customRoles, permissions, publicSettings, adapterConfig, status, now);
    }

    public Circuit updated(String newName, String newDescription, CircuitPermissions newPermissions, Instant now) {
        if (newName != null && (newName.isBlank() || newName.length() > MAX_NAME)) {
            throw new InvalidInputException("INVALID_NAME", "name must be 1 to " + MAX_NAME + " characters");
        }
        return new Circuit(circuitId, newName == null ? name : newName.strip(),
                newDescription == null ? description : newDescription, ownerId, defaultNamespace, aliasConfig,
                createdAt, now, members, newPermissions == null ? permissions : newPermissions, status, joinRequests,
                customRoles, publicSettings, adapterConfig, version);
    }

    public Circuit deactivated(Instant now) {
        return copy(members, joinRequests, customRoles, permissions, publicSettings, adapterConfig,
                CircuitStatus.INACTIVE, now);
    }

    /**
     * New public settings: validated, {@code public_since} set the first time the mode is Public and kept after,
     * and public visibility switched on.
     */
    public Circuit withPublicSettings(PublicSettings requested, Instant now) {
        requested.validate();
        Instant since = publicSettings == null ? null : publicSettings.publicSince();
        if (since == null && requested.accessMode() == AccessMode.PUBLIC) {
            since = now;
        }
        return copy(members, joinRequests, customRoles, permissions.withPublicVisibility(true),
                requested.withPublicSince(since), adapterConfig, status, now);
    }

    public boolean isPubliclyAccessible(Instant now) {
        return permissions.allowPublicVisibility() && (publicSettings == null || publicSettings.isOpenAt(now));
    }

    /** Whether the public settings list this item (whether the circuit is public now is a separate question). */
    public boolean publishes(String dfid) {
        return publicSettings != null && publicSettings.publishedItems().contains(dfid);
    }

    /** Auto-publish: a pushed item joins the published items when the circuit asks for it. */
    public Circuit publishingPushed(String dfid, Instant now) {
        if (publicSettings == null || !publicSettings.autoPublishPushedItems() || publishes(dfid)) {
            return this;
        }
        return copy(members, joinRequests, customRoles, permissions, publicSettings.publishing(dfid), adapterConfig,
                status, now);
    }

    public Circuit withVisibilityToggled(Instant now) {
        return copy(members, joinRequests, customRoles,
                permissions.withPublicVisibility(!permissions.allowPublicVisibility()), publicSettings, adapterConfig,
                status, now);
    }

    public Circuit withAdapterConfig(CircuitAdapterConfig config, Instant now) {
        return copy(members, joinRequests, customRoles, permissions, publicSettings, config, status, now);
    }

    /** Empty namespaces take the circuit's default, unless the identifier policy turns that off. */
    public List<Identifier> applyingDefaultNamespace(List<Identifier> identifiers) {
        if (aliasConfig != null && !aliasConfig.autoApplyNamespace()) {
            return identifiers;
        }
        return identifiers.stream().map(i -> i.namespace().isEmpty() ? i.withNamespace(defaultNamespace) : i).toList();
    }

    public Circuit atVersion(long storedVersion) {
        return new Circuit(circuitId, name, description, ownerId, defaultNamespace, aliasConfig, createdAt,
                lastModified, members, permissions, status, joinRequests, customRoles, publicSettings, adapterConfig,
                storedVersion);
    }

    private List<CircuitMember> replaceMember(CircuitMember changed) {
        return members.stream().map(m -> m.memberId().equals(changed.memberId()) ? changed : m).toList();
    }

    private Circuit copy(List<CircuitMember> m, List<JoinRequest> requests, List<CustomRole> roles,
                         CircuitPermissions perms, PublicSettings settings, CircuitAdapterConfig adapter,
                         CircuitStatus st, Instant now) {
        return new Circuit(circuitId, name, description, ownerId, defaultNamespace, aliasConfig, createdAt, now, m,
                perms, st, requests, roles, settings, adapter, version);
    }
}
