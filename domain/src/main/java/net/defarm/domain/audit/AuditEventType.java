package net.defarm.domain.audit;

import java.util.Locale;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.WireNames;

/** What an audit record is about; lower-case on the wire. */
public enum AuditEventType {
    SECURITY, DATA, ACCESS, COMPLIANCE, SYSTEM, USER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditEventType parse(String text) {
        return WireNames.findIgnoringCase(values(), AuditEventType::wire, text).orElseThrow(() ->
                new InvalidInputException("INVALID_EVENT_TYPE", "event_type must be one of security, data, access, "
                        + "compliance, system, user"));
    }
}
