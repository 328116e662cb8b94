package net.defarm.domain.shared;

import java.util.Map;

/** The caller is known but not allowed to do this. */
public class PermissionDeniedException extends DomainException {

    public PermissionDeniedException(String message) {
        super("FORBIDDEN", message, Map.of());
    }

    public PermissionDeniedException(String code, String message) {
        super(code, message, Map.of());
    }
}
