package net.defarm.domain.items;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonObject;

/**
 * Why a submitted item could not become (or enrich) an item and was held for review instead.
 * {@link #describe()} renders the reference's text for the reason, which clients filter on.
 */
public sealed interface PendingReason {

    record NoIdentifiers() implements PendingReason {
    }

    record InvalidIdentifiers(String message) implements PendingReason {
    }

    /** The identifier already names two or more items, so the submission cannot be attributed to one. */
    record ConflictingDfids(Identifier identifier, List<String> conflictingDfids) implements PendingReason {
        public ConflictingDfids {
            conflictingDfids = List.copyOf(new TreeSet<>(conflictingDfids));
        }
    }

    record DataQualityIssue(String issueType, Severity severity, String details) implements PendingReason {
    }

    record ValidationError(String message) implements PendingReason {
    }

    /**
     * The first rule a submission breaks, in the reference's order: no identifiers, a blank identifier, an
     * identifier already naming several items, then attribute quality (blank key, null value; keys in order).
     *
     * @param dfidsByIdentifier for each submitted identifier's unique key, the DFIDs of the items carrying it
     */
    static Optional<PendingReason> detect(List<Identifier> identifiers, JsonObject enrichedData,
                                          Map<String, List<String>> dfidsByIdentifier) {
        if (identifiers.isEmpty()) {
            return Optional.of(new NoIdentifiers());
        }
        for (Identifier id : identifiers) {
            if (id.isBlank()) {
                return Optional.of(new InvalidIdentifiers("Invalid identifier: " + id.key() + ":" + id.value()));
            }
        }
        for (Identifier id : identifiers) {
            List<String> dfids = dfidsByIdentifier.getOrDefault(id.uniqueKey(), List.of());
            if (new TreeSet<>(dfids).size() >= 2) {
                return Optional.of(new ConflictingDfids(id, dfids));
            }
        }
        if (enrichedData != null) {
            for (var entry : enrichedData.members().entrySet()) {
                if (entry.getKey().isBlank()) {
                    return Optional.of(new DataQualityIssue("empty_key", Severity.MEDIUM, "Empty data key detected"));
                }
                if (entry.getValue() == JsonNull.INSTANCE) {
                    return Optional.of(new DataQualityIssue("null_value", Severity.LOW,
                            "Null value for key: " + entry.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    default PendingPriority priority() {
        return switch (this) {
            case NoIdentifiers r -> PendingPriority.HIGH;
            case ConflictingDfids r -> PendingPriority.CRITICAL;
            case DataQualityIssue r -> switch (r.severity()) {
                case CRITICAL -> PendingPriority.CRITICAL;
                case HIGH -> PendingPriority.HIGH;
                case MEDIUM -> PendingPriority.NORMAL;
                case LOW -> PendingPriority.LOW;
            };
            case InvalidIdentifiers r -> PendingPriority.NORMAL;
            case ValidationError r -> PendingPriority.NORMAL;
        };
    }

    default boolean requiresManualReview() {
        return switch (this) {
            case ConflictingDfids r -> true;
            case DataQualityIssue r -> r.severity() == Severity.HIGH || r.severity() == Severity.CRITICAL;
            default -> false;
        };
    }

    default List<SuggestedAction> suggestedActions() {
        return switch (this) {
            case NoIdentifiers r -> List.of(
                    new SuggestedAction("add_identifiers", "Add at least one identifier", 0.9, false),
                    new SuggestedAction("generate_dfid", "Create the item without identifiers", 0.8, true));
            case ConflictingDfids r -> List.of(
                    new SuggestedAction("manual_merge", "Merge the conflicting items", 0.7, false),
                    new SuggestedAction("create_separate", "Create a separate item", 0.6, true));
            default -> List.of(new SuggestedAction("manual_review", "Review the submission", 0.7, false));
        };
    }

    /** The variant name, e.g. {@code ConflictingDFIDs}. */
    default String name() {
        return switch (this) {
            case NoIdentifiers r -> "NoIdentifiers";
            case InvalidIdentifiers r -> "InvalidIdentifiers";
            case ConflictingDfids r -> "ConflictingDFIDs";
            case DataQualityIssue r -> "DataQualityIssue";
            case ValidationError r -> "ValidationError";
        };
    }

    /** Human text for the reason. */
    default String description() {
        return switch (this) {
            case NoIdentifiers r -> "Item has no identifiers for entity resolution";
            case InvalidIdentifiers r -> "Invalid identifiers: " + r.message();
            case ConflictingDfids r -> "Identifier " + r.identifier().uniqueKey() + " maps to multiple DFIDs: "
                    + String.join(", ", r.conflictingDfids());
            case DataQualityIssue r -> "Data quality issue (" + r.issueType() + "): " + r.details();
            case ValidationError r -> "Validation error: " + r.message();
        };
    }

    /** The details the reference exposed next to the reason, if any. */
    default Optional<String> reasonDetails() {
        return switch (this) {
            case InvalidIdentifiers r -> Optional.of(r.message());
            case ConflictingDfids r -> Optional.of("Identifier " + r.identifier().key() + ":" + r.identifier().value()
                    + " maps to DFIDs: " + String.join(", ", r.conflictingDfids()));
            case DataQualityIssue r -> Optional.of(r.details());
            default -> Optional.empty();
        };
    }

    /** The reference's debug rendering of the reason (what its API returned as {@code reason}). */
    default String describe() {
        return switch (this) {
            case NoIdentifiers r -> "NoIdentifiers";
            case InvalidIdentifiers r -> "InvalidIdentifiers(" + quoted(r.message()) + ")";
            case ConflictingDfids r -> "ConflictingDFIDs { identifier: " + debug(r.identifier())
                    + ", conflicting_dfids: [" + r.conflictingDfids().stream().map(PendingReason::quoted)
                    .collect(Collectors.joining(", ")) + "], confidence_scores: None }";
            case DataQualityIssue r -> "DataQualityIssue { issue_type: " + quoted(r.issueType()) + ", severity: "
                    + r.severity().display() + ", details: " + quoted(r.details()) + " }";
            case ValidationError r -> "ValidationError(" + quoted(r.message()) + ")";
        };
    }

    private static String debug(Identifier id) {
        String type = switch (id.type()) {
            case IdentifierType.Canonical c -> "Canonical { registry: " + quoted(c.registry()) + ", verified: "
                    + c.verified() + ", verification_date: " + (c.verificationDate() == null ? "None"
                    : "Some(" + c.verificationDate() + ")") + " }";
            case IdentifierType.Contextual c -> "Contextual { scope: " + quoted(c.scope()) + " }";
        };
        return "Identifier { namespace: " + quoted(id.namespace()) + ", key: " + quoted(id.key()) + ", value: "
                + quoted(id.value()) + ", id_type: " + type + " }";
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
