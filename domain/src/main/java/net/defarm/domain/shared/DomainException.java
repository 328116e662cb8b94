package net.defarm.domain.shared;

import java.util.Map;

/**
 * A rule of the domain refused an operation. Each subtype names the kind of refusal, which the HTTP adapter maps
 * to a status; {@link #code()} is the stable machine-readable code clients match on, the message is for humans.
 * No stack trace is captured: these are expected outcomes, not bugs.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;
    private final Map<String, String> details;

    protected DomainException(String code, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public String code() {
        return code;
    }

    /** Extra machine-readable facts (for example the id of a pending item that was stored). */
    public Map<String, String> details() {
        return details;
    }
}
