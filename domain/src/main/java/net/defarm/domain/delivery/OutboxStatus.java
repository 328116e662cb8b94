package net.defarm.domain.delivery;

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
        for (OutboxStatus s : values()) {
            if (s.wireName.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown outbox status: " + value);
    }

    public boolean settled() {
        return this == DELIVERED || this == FAILED;
    }
}
