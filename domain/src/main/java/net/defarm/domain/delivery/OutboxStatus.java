package net.defarm.domain.delivery;

import net.defarm.domain.shared.WireNames;

/** Where an outbox message stands. FAILED is the dead letter: no further attempt is made. */
public enum OutboxStatus {
    PENDING("Pending"), IN_PROGRESS("InProgress"), DELIVERED("Delivered"), RETRYING("Retrying"), FAILED("Failed");

    private final String wireName;

    OutboxStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static OutboxStatus fromWireName(String value) {
        return WireNames.require(values(), OutboxStatus::wireName, value, "outbox status");
    }

    public boolean settled() {
        return this == DELIVERED || this == FAILED;
    }
}
