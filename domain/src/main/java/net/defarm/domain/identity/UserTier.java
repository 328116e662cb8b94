package net.defarm.domain.identity;

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
        for (UserTier t : values()) {
            if (t.display.equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier: " + s);
    }
}
