package net.defarm.domain.circuits;

import java.util.List;
import java.util.Optional;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.shared.InvalidInputException;

/**
 * A circuit's identifier policy for tokenization: which registries and keys must be present, which namespaces are
 * allowed, whether the fingerprint path is used, and whether empty namespaces take the circuit's default.
 */
public record CircuitAliasConfig(List<String> requiredCanonical, List<String> requiredContextual,
                                 boolean useFingerprint, List<String> allowedNamespaces, boolean autoApplyNamespace) {

    public CircuitAliasConfig {
        requiredCanonical = List.copyOf(requiredCanonical);
        requiredContextual = List.copyOf(requiredContextual);
        allowedNamespaces = allowedNamespaces == null ? null : List.copyOf(allowedNamespaces);
    }

    public static CircuitAliasConfig bovineTraceability() {
        return new CircuitAliasConfig(List.of("sisbov"), List.of(), false, List.of("bovino"), true);
    }

    public static CircuitAliasConfig grainLots() {
        return new CircuitAliasConfig(List.of(), List.of("lote", "safra"), true, List.of("soja", "milho"), true);
    }

    public static CircuitAliasConfig poultry() {
        return new CircuitAliasConfig(List.of(), List.of("lote", "granja"), true, List.of("aves"), true);
    }

    public static CircuitAliasConfig open() {
        return new CircuitAliasConfig(List.of(), List.of(), true, null, false);
    }

    /** Refuses identifiers that break the policy, in the reference's order and with its messages. */
    public void check(List<Identifier> identifiers) {
        if (allowedNamespaces != null) {
            Optional<Identifier> outside = identifiers.stream()
                    .filter(i -> !allowedNamespaces.contains(i.namespace())).findFirst();
            if (outside.isPresent()) {
                throw new InvalidInputException("NAMESPACE_NOT_ALLOWED",
                        "Validation error: Namespace '" + outside.get().namespace() + "' not allowed in this circuit");
            }
        }
        for (String registry : requiredCanonical) {
            if (identifiers.stream().noneMatch(i -> i.isCanonical() && registry.equals(i.registry()))) {
                throw new InvalidInputException("REQUIRED_IDENTIFIER_MISSING",
                        "Validation error: Required canonical identifier '" + registry + "' not provided");
            }
        }
        for (String key : requiredContextual) {
            if (identifiers.stream().noneMatch(i -> !i.isCanonical() && key.equals(i.key()))) {
                throw new InvalidInputException("REQUIRED_IDENTIFIER_MISSING",
                        "Validation error: Required contextual identifier '" + key + "' not provided");
            }
        }
        for (Identifier id : identifiers) {
            if (!id.isValid()) {
                throw new InvalidInputException("INVALID_IDENTIFIER_FORMAT",
                        "Validation error: Invalid identifier format: " + id.uniqueKey());
            }
        }
    }
}
