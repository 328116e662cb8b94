package net.defarm.domain.circuits;

import java.util.Locale;
import java.util.Optional;

/** How a public circuit admits the public: open, with a password, or from a date. */
public enum AccessMode {
    PUBLIC("Public", "public"), PROTECTED("Protected", "protected"), SCHEDULED("Scheduled", "scheduled");

    private final String wireName;
    private final String lowerName;

    AccessMode(String wireName, String lowerName) {
        this.wireName = wireName;
        this.lowerName = lowerName;
    }

    public String wireName() {
        return wireName;
    }

    public String lowerName() {
        return lowerName;
    }

    /** {@code public} (or {@code open}), {@code protected}, {@code scheduled}, case-insensitive. */
    public static Optional<AccessMode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "public", "open" -> Optional.of(PUBLIC);
            case "protected" -> Optional.of(PROTECTED);
            case "scheduled" -> Optional.of(SCHEDULED);
            default -> Optional.empty();
        };
    }
}
