package net.defarm.application.audit;

import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/**
 * What a use case reports to the {@link AuditTrail}: the action (a dotted name such as {@code circuit.push}), what
 * it was done to, how it ended and how much it matters. Who and from where are added by the trail.
 */
public record AuditFact(AuditEventType type, String action, String resource, String resourceId,
                        AuditOutcome outcome, AuditSeverity severity, String subjectId, JsonObject details) {

    /** A successful action of low severity, without details. */
    public static AuditFact of(AuditEventType type, String action, String resource, String resourceId) {
        return new AuditFact(type, action, resource, resourceId, AuditOutcome.SUCCESS, AuditSeverity.LOW, null,
                JsonObject.EMPTY);
    }

    public AuditFact outcome(AuditOutcome o, AuditSeverity s) {
        return new AuditFact(type, action, resource, resourceId, o, s, subjectId, details);
    }

    public AuditFact severity(AuditSeverity s) {
        return new AuditFact(type, action, resource, resourceId, outcome, s, subjectId, details);
    }

    /** The account the action concerned, when it is not the actor's own. */
    public AuditFact subject(String userId) {
        return new AuditFact(type, action, resource, resourceId, outcome, severity, userId, details);
    }

    public AuditFact detail(String key, String value) {
        return new AuditFact(type, action, resource, resourceId, outcome, severity, subjectId,
                details.with(key, JsonValue.of(value)));
    }

    public AuditFact detail(String key, JsonValue value) {
        return new AuditFact(type, action, resource, resourceId, outcome, severity, subjectId,
                details.with(key, value));
    }
}
