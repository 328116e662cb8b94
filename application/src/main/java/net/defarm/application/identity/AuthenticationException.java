package net.defarm.application.identity;

import java.util.Map;
import net.defarm.domain.shared.DomainException;

/** No credentials, or credentials that do not prove who the caller is. */
public class AuthenticationException extends DomainException {

    public AuthenticationException(String message) {
        super("UNAUTHORIZED", message, Map.of());
    }

    public AuthenticationException(String code, String message) {
        super(code, message, Map.of());
    }
}
