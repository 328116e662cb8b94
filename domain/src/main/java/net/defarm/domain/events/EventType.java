package net.defarm.domain.events;

import java.util.Optional;
import net.defarm.domain.shared.WireNames;

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
        return WireNames.findIgnoringCase(values(), EventType::wireName, name);
    }

    public static EventType fromWireName(String name) {
        return WireNames.require(values(), EventType::wireName, name, "event type");
    }
}
