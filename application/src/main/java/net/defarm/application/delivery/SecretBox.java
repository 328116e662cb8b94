package net.defarm.application.delivery;

import net.defarm.application.shared.OutboundPort;

/** Encrypts secrets held at rest (webhook signing secrets and credentials) with the service's key. */
@OutboundPort
public interface SecretBox {

    String seal(String plain);

    /** The plain text of something {@link #seal} produced with the same key. */
    String open(String sealed);
}
