package net.defarm.domain.circuits;

/** Lifecycle of a circuit (informational: like the reference, push and pull do not check it). */
public enum CircuitStatus {
    ACTIVE("Active"), INACTIVE("Inactive"), ARCHIVED("Archived");

    private final String wireName;

    CircuitStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static CircuitStatus fromWireName(String name) {
        for (CircuitStatus s : values()) {
            if (s.wireName.equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown circuit status: " + name);
    }
}
