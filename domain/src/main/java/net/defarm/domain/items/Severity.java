package net.defarm.domain.items;

import net.defarm.domain.shared.WireNames;

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
        return WireNames.find(values(), Severity::display, s)
                .orElseThrow(() -> new IllegalArgumentException("unknown severity " + s));
    }
}
