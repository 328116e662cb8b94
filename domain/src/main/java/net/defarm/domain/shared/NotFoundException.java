package net.defarm.domain.shared;

import java.util.Map;

/** The thing does not exist, or the caller may not know that it exists. */
public class NotFoundException extends DomainException {

    public NotFoundException(String code, String message) {
        super(code, message, Map.of());
    }
}
