package net.defarm.application.identity;

import net.defarm.application.shared.OutboundPort;

/** One-way password hashing. Deliberately slow: never call it inside a transaction. */
@OutboundPort
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
