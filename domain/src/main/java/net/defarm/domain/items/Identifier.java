package net.defarm.domain.items;

import java.time.Instant;
import java.util.Objects;

/**
 * A name for a thing within a namespace: a SISBOV number, an ear tag, a CPF, a lot code.
 * Two identifiers name the same thing when their {@link #uniqueKey()} is equal; the type details (verified or not,
 * scope) describe the identifier but do not change what it names.
 */
public record Identifier(String namespace, String key, String value, IdentifierType type) {

    public Identifier {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
    }

    /** A canonical identifier: its key is the registry name. */
    public static Identifier canonical(String namespace, String registry, String value) {
        return new Identifier(namespace, registry, value, new IdentifierType.Canonical(registry, false, null));
    }

    public static Identifier canonicalVerified(String namespace, String registry, String value, Instant date) {
        return new Identifier(namespace, registry, value, new IdentifierType.Canonical(registry, true, date));
    }

    public static Identifier contextual(String namespace, String key, String value, String scope) {
        return new Identifier(namespace, key, value, new IdentifierType.Contextual(scope));
    }

    public static Identifier contextual(String namespace, String key, String value) {
        return contextual(namespace, key, value, IdentifierType.Contextual.USER);
    }

    /** {@code namespace:key:value}, the identity of what this identifier names. */
    public String uniqueKey() {
        return namespace + ":" + key + ":" + value;
    }

    public boolean isCanonical() {
        return type instanceof IdentifierType.Canonical;
    }

    /** The registry of a canonical identifier, or null for a contextual one. */
    public String registry() {
        return type instanceof IdentifierType.Canonical c ? c.registry() : null;
    }

    public boolean isBlank() {
        return key.isBlank() || value.isBlank();
    }

    /** Known namespace, non-blank key and value, and for canonical identifiers a value that fits the registry. */
    public boolean isValid() {
        if (!Namespaces.isKnown(namespace) || isBlank()) {
            return false;
        }
        return !(type instanceof IdentifierType.Canonical c) || RegistryRules.isValid(c.registry(), value);
    }

    public Identifier withNamespace(String newNamespace) {
        return new Identifier(newNamespace, key, value, type);
    }
}
