package net.defarm.domain.circuits;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A named set of permissions defined in a circuit; "Owner" and "Member" exist in every circuit and are fixed. */
public record CustomRole(UUID roleId, String roleName, Set<Permission> permissions, String description, String color,
                         Instant createdAt, String createdBy, boolean isDefault) {

    public static final String OWNER = "Owner";
    public static final String MEMBER = "Member";

    public CustomRole {
        Objects.requireNonNull(roleName, "roleName");
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    public List<Permission> orderedPermissions() {
        return permissions.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(permissions));
    }

    static List<CustomRole> defaults(UUID circuitId, Instant now) {
        return List.of(
                new CustomRole(UUID.nameUUIDFromBytes((circuitId + "/Owner").getBytes(java.nio.charset.StandardCharsets.UTF_8)), OWNER,
                        EnumSet.allOf(Permission.class), "Circuit owner with all permissions", "#gold", now, "system",
                        true),
                new CustomRole(UUID.nameUUIDFromBytes((circuitId + "/Member").getBytes(java.nio.charset.StandardCharsets.UTF_8)), MEMBER,
                        EnumSet.of(Permission.PUSH, Permission.PULL), "Standard member", "#gray", now, "system", true));
    }
}
