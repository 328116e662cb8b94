package net.defarm.domain.circuits;

import java.util.Optional;
import net.defarm.domain.shared.WireNames;

/** What a circuit member may do. */
public enum Permission {
    PUSH("Push"), PULL("Pull"), INVITE("Invite"), MANAGE_MEMBERS("ManageMembers"),
    MANAGE_PERMISSIONS("ManagePermissions"), DELETE("Delete"), CERTIFY("Certify"), AUDIT("Audit"),
    MANAGE_ROLES("ManageRoles");

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Case-insensitive by name: {@code push}, {@code ManageMembers}, {@code managemembers}. */
    public static Optional<Permission> parse(String name) {
        return WireNames.findIgnoringCase(values(), Permission::wireName, name);
    }

    public static Permission fromWireName(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown permission: " + name));
    }
}
