package net.defarm.application.items;

import java.util.List;
import net.defarm.application.shared.Limits;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.shared.InvalidInputException;

/** Size bounds on submitted identifiers, so no request can grow an item without limit. */
public final class ItemInputs {

    private ItemInputs() {
    }

    public static List<Identifier> bounded(List<Identifier> identifiers) {
        if (identifiers == null) {
            return List.of();
        }
        if (identifiers.size() > Limits.MAX_IDENTIFIERS) {
            throw new InvalidInputException("TOO_MANY_IDENTIFIERS",
                    "At most " + Limits.MAX_IDENTIFIERS + " identifiers per item");
        }
        for (Identifier id : identifiers) {
            if (id.namespace().length() > Limits.MAX_IDENTIFIER_PART || id.key().length() > Limits.MAX_IDENTIFIER_PART
                    || id.value().length() > Limits.MAX_IDENTIFIER_PART) {
                throw new InvalidInputException("IDENTIFIER_TOO_LONG",
                        "Identifier namespace, key and value are limited to " + Limits.MAX_IDENTIFIER_PART
                                + " characters");
            }
        }
        return identifiers;
    }

    /** Identifiers given directly (not through entity resolution) must at least name something. */
    public static List<Identifier> nonBlank(List<Identifier> identifiers) {
        for (Identifier id : bounded(identifiers)) {
            if (id.isBlank()) {
                throw new InvalidInputException("INVALID_IDENTIFIER",
                        "Invalid identifier: key and value must not be blank (" + id.key() + ":" + id.value() + ")");
            }
        }
        return identifiers;
    }
}
