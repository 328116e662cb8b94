package net.defarm.domain.identity;

import net.defarm.domain.shared.WireNames;

/** Commercial tier of an account. */
public enum UserTier {
    BASIC("Basic"), PROFESSIONAL("Professional"), ENTERPRISE("Enterprise"), ADMIN("Admin");

    private final String display;

    UserTier(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }

    public static UserTier fromDisplay(String s) {
        return WireNames.require(values(), UserTier::display, s, "tier");
    }
}
