package net.defarm.domain.circuits;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A member of a circuit: base role, optional custom role, and the permissions actually held. */
public record CircuitMember(String memberId, MemberRole role, String customRoleName, Set<Permission> permissions,
                            Instant joinedAt) {

    public CircuitMember {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(role, "role");
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** Permissions in their declaration order (stable output). */
    public java.util.List<Permission> orderedPermissions() {
        return permissions.isEmpty() ? java.util.List.of() : java.util.List.copyOf(EnumSet.copyOf(permissions));
    }
}
