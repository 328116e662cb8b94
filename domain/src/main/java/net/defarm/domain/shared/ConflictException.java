package net.defarm.domain.shared;

import java.util.Map;

/** The operation conflicts with the current state (duplicate, wrong state, someone else changed it first). */
public class ConflictException extends DomainException {

    public ConflictException(String code, String message) {
        super(code, message, Map.of());
    }
}
