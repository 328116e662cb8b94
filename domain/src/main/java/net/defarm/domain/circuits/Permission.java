package net.defarm.domain.circuits;

import java.util.Locale;
import java.util.Optional;

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
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (Permission p : values()) {
            if (p.wireName.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static Permission fromWireName(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown permission: " + name));
    }
}
