package net.defarm.domain.shared;

/** The JSON literal {@code null}. */
public enum JsonNull implements JsonValue {
    INSTANCE
}
