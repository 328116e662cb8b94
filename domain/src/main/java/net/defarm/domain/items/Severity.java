package net.defarm.domain.items;

/** Severity of a data-quality issue found when an item is submitted. */
public enum Severity {
    LOW("Low"), MEDIUM("Medium"), HIGH("High"), CRITICAL("Critical");

    private final String display;

    Severity(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }

    public static Severity fromDisplay(String s) {
        for (Severity v : values()) {
            if (v.display.equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown severity " + s);
    }
}
