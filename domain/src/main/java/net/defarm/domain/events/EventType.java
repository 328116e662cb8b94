package net.defarm.domain.events;

import java.util.Locale;
import java.util.Optional;

/** What happened to an item. The wire and hash spelling is the PascalCase name. */
public enum EventType {
    CREATED("Created"),
    ENRICHED("Enriched"),
    MERGED("Merged"),
    SPLIT("Split"),
    PUSHED_TO_CIRCUIT("PushedToCircuit"),
    PULLED_FROM_CIRCUIT("PulledFromCircuit"),
    UPDATED("Updated"),
    STATUS_CHANGED("StatusChanged");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Case-insensitive by name ({@code pushedtocircuit}, {@code Created}, ...). */
    public static Optional<EventType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (EventType t : values()) {
            if (t.wireName.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static EventType fromWireName(String name) {
        for (EventType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown event type: " + name);
    }
}
