package net.defarm.domain.events;

import java.util.Locale;
import java.util.Optional;
import net.defarm.domain.shared.WireNames;

/** Who may read an event. */
public enum EventVisibility {
    /** Any authenticated user. */
    PUBLIC("Public"),
    /** Only its creator. Recorded as "encrypted" (a flag only, as in the reference). */
    PRIVATE("Private"),
    /** Members of the circuit named in the event's {@code circuit_id} metadata. */
    CIRCUIT_ONLY("CircuitOnly"),
    /** Its creator and the user named in {@code recipient_id}; not creatable through the API. */
    DIRECT("Direct");

    private final String wireName;

    EventVisibility(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The visibilities a client may ask for: public, private, circuitonly (case-insensitive). */
    public static Optional<EventVisibility> parseRequested(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "public" -> Optional.of(PUBLIC);
            case "private" -> Optional.of(PRIVATE);
            case "circuitonly" -> Optional.of(CIRCUIT_ONLY);
            default -> Optional.empty();
        };
    }

    public static EventVisibility fromWireName(String name) {
        return WireNames.require(values(), EventVisibility::wireName, name, "visibility");
    }
}
