package net.defarm.domain.circuits;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import net.defarm.domain.shared.WireNames;

/** A member's base role, and the permissions it grants when the member is added (docs/domain-rules.md). */
public enum MemberRole {
    OWNER("Owner", EnumSet.allOf(Permission.class)),
    ADMIN("Admin", EnumSet.of(Permission.PUSH, Permission.PULL, Permission.INVITE, Permission.MANAGE_MEMBERS,
            Permission.MANAGE_ROLES, Permission.CERTIFY)),
    MEMBER("Member", EnumSet.of(Permission.PUSH, Permission.PULL)),
    VIEWER("Viewer", EnumSet.of(Permission.PULL));

    private final String wireName;
    private final Set<Permission> defaults;

    MemberRole(String wireName, Set<Permission> defaults) {
        this.wireName = wireName;
        this.defaults = defaults;
    }

    public String wireName() {
        return wireName;
    }

    public Set<Permission> defaultPermissions() {
        return EnumSet.copyOf(defaults);
    }

    public static Optional<MemberRole> parse(String name) {
        return WireNames.findIgnoringCase(values(), MemberRole::wireName, name);
    }

    public static MemberRole fromWireName(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown member role: " + name));
    }
}
