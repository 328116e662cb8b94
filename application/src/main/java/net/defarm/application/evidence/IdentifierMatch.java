package net.defarm.application.evidence;

import net.defarm.domain.items.Identifier;

/**
 * Which receipts a search keeps: those with at least one identifier matching every non-null field (exact,
 * case-sensitive). All null: every receipt of the owner.
 */
public record IdentifierMatch(String namespace, String key, String value) {

    public static final IdentifierMatch ANY = new IdentifierMatch(null, null, null);

    public boolean matches(Identifier id) {
        return (namespace == null || namespace.equals(id.namespace())) && (key == null || key.equals(id.key()))
                && (value == null || value.equals(id.value()));
    }
}
