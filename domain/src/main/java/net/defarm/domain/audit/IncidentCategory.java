package net.defarm.domain.audit;

import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.WireNames;

/** The kind of a security incident, kebab-case on the wire. */
public enum IncidentCategory {
    UNAUTHORIZED_ACCESS("unauthorized-access"), DATA_BREACH("data-breach"), SYSTEM_COMPROMISE("system-compromise"),
    POLICY_VIOLATION("policy-violation"), DENIAL_OF_SERVICE("denial-of-service");

    private final String wire;

    IncidentCategory(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static IncidentCategory parse(String text) {
        return WireNames.findIgnoringCase(values(), IncidentCategory::wire, text).orElseThrow(() ->
                new InvalidInputException("INVALID_CATEGORY", "category must be one of unauthorized-access, "
                        + "data-breach, system-compromise, policy-violation, denial-of-service"));
    }
}
