package net.defarm.domain.audit;

import java.util.Locale;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.WireNames;

/** How much a recorded action matters to security; high and critical security events open an incident. */
public enum AuditSeverity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean opensIncident() {
        return this == HIGH || this == CRITICAL;
    }

    public static AuditSeverity parse(String text) {
        return WireNames.findIgnoringCase(values(), AuditSeverity::wire, text).orElseThrow(() ->
                new InvalidInputException("INVALID_SEVERITY", "severity must be one of low, medium, high, critical"));
    }
}
