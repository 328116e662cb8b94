package net.defarm.domain.shared;

import java.util.Map;

/** The input breaks a rule (malformed, missing, out of range). */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String message) {
        this("VALIDATION_ERROR", message);
    }

    public InvalidInputException(String code, String message) {
        super(code, message, Map.of());
    }

    public InvalidInputException(String code, String message, Map<String, String> details) {
        super(code, message, details);
    }
}
