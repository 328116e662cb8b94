package net.defarm.domain.items;

/** How urgently a pending item needs attention; raising saturates at CRITICAL. */
public enum PendingPriority {
    LOW(1), NORMAL(2), HIGH(3), CRITICAL(4);

    private final int level;

    PendingPriority(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public PendingPriority raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }

    public static PendingPriority ofLevel(int level) {
        for (PendingPriority p : values()) {
            if (p.level == level) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown priority level " + level);
    }
}
