package net.defarm.domain.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/**
 * One audit record. {@code actorId} is who acted (a user id; null when nobody was authenticated, such as a failed
 * sign-in), {@code keyId} the API key they used, {@code subjectId} the account the action concerned when it is not
 * the actor's (the account a failed sign-in named, the user an administrator froze). {@code origin} comes from the
 * HTTP door, {@code metadata} from the client (location, device: claims, never trusted for the address).
 * {@code submitted}: sent by a client rather than recorded by the service. {@code chain} is set when stored.
 */
public record AuditEvent(UUID eventId, Instant at, String actorId, UUID keyId, String subjectId,
                         AuditEventType type, String action, String resource, String resourceId,
                         AuditOutcome outcome, AuditSeverity severity, JsonObject details, AuditOrigin origin,
                         JsonObject metadata, Set<String> compliance, boolean submitted, ChainLink chain) {

    public AuditEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(severity, "severity");
        // Stores keep microseconds: the digest is over what is stored.
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        details = details == null ? JsonObject.EMPTY : details;
        metadata = metadata == null ? JsonObject.EMPTY : metadata;
        origin = origin == null ? AuditOrigin.NONE : origin;
        compliance = compliance == null ? Set.of() : Set.copyOf(new TreeSet<>(compliance));
    }

    /** The same record placed in its chain. */
    public AuditEvent chained(ChainLink link) {
        return new AuditEvent(eventId, at, actorId, keyId, subjectId, type, action, resource, resourceId, outcome,
                severity, details, origin, metadata, compliance, submitted, link);
    }

    /**
     * The same record without the actor's address and user agent (the request id stays): what the subject of a
     * record, who is not its actor, reads. A view only: the chain commits to the stored record.
     */
    public AuditEvent withoutActorsOrigin() {
        return new AuditEvent(eventId, at, actorId, keyId, subjectId, type, action, resource, resourceId, outcome,
                severity, details, new AuditOrigin(null, null, origin.requestId()), metadata, compliance, submitted,
                chain);
    }

    /**
     * What picks the record's chain: the request it came from, so the records of one request (one transaction) share
     * one chain head while concurrent requests, even of one busy actor or machine key, spread over the shards; without
     * a request (console commands) the actor, or for an anonymous record the client address.
     */
    public String chainKey() {
        if (origin.requestId() != null) {
            return "request:" + origin.requestId();
        }
        if (actorId != null) {
            return actorId;
        }
        return origin.clientAddress() == null ? null : "address:" + origin.clientAddress();
    }

    /** Whether {@code userId} acted or was the subject: the records a user reads as their own. */
    public boolean involves(String userId) {
        return userId.equals(actorId) || userId.equals(subjectId);
    }

    /** SHA-256 (hex) of the canonical JSON of every field but the chain: what the chain commits to. */
    public String digest() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("event_id", JsonValue.of(eventId.toString()));
        m.put("at_micros", JsonValue.of(at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000));
        m.put("actor_id", JsonValue.of(actorId));
        m.put("key_id", JsonValue.of(keyId == null ? null : keyId.toString()));
        m.put("subject_id", JsonValue.of(subjectId));
        m.put("type", JsonValue.of(type.wire()));
        m.put("action", JsonValue.of(action));
        m.put("resource", JsonValue.of(resource));
        m.put("resource_id", JsonValue.of(resourceId));
        m.put("outcome", JsonValue.of(outcome.wire()));
        m.put("severity", JsonValue.of(severity.wire()));
        m.put("details", details);
        m.put("client_address", JsonValue.of(origin.clientAddress()));
        m.put("user_agent", JsonValue.of(origin.userAgent()));
        m.put("request_id", JsonValue.of(origin.requestId()));
        m.put("metadata", metadata);
        m.put("compliance", new JsonArray(new TreeSet<>(compliance).stream().map(JsonValue::of).toList()));
        m.put("submitted", JsonValue.of(submitted));
        return Hashes.sha256Hex(JsonObject.of(m).toCanonicalJson());
    }
}
