package net.defarm.domain.audit;

import java.util.Locale;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.WireNames;

/** How the recorded action ended; lower-case on the wire. */
public enum AuditOutcome {
    SUCCESS, FAILURE, WARNING, BLOCKED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditOutcome parse(String text) {
        return WireNames.findIgnoringCase(values(), AuditOutcome::wire, text).orElseThrow(() ->
                new InvalidInputException("INVALID_OUTCOME", "outcome must be one of success, failure, warning, "
                        + "blocked"));
    }
}
