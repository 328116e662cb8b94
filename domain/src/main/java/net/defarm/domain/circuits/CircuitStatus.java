package net.defarm.domain.circuits;

import net.defarm.domain.shared.WireNames;

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
        return WireNames.findIgnoringCase(values(), CircuitStatus::wireName, name)
                .orElseThrow(() -> new IllegalArgumentException("unknown circuit status: " + name));
    }
}
