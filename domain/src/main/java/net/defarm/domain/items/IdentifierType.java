package net.defarm.domain.items;

import java.time.Instant;
import java.util.Objects;

/**
 * Canonical identifiers come from an official registry (SISBOV, CPF, CNPJ, ...) and identify a thing globally;
 * contextual ones (ear tags, lots) only mean something within a scope (a user, an organization, a circuit).
 */
public sealed interface IdentifierType permits IdentifierType.Canonical, IdentifierType.Contextual {

    record Canonical(String registry, boolean verified, Instant verificationDate) implements IdentifierType {
        public Canonical {
            Objects.requireNonNull(registry, "registry");
            if (!verified) {
                verificationDate = null;
            }
        }
    }

    record Contextual(String scope) implements IdentifierType {
        public static final String USER = "user";

        public Contextual {
            Objects.requireNonNull(scope, "scope");
        }
    }
}
