package net.defarm.adapters.http.door;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;
import net.defarm.application.audit.AuditFact;
import net.defarm.application.audit.AuditTrail;
import net.defarm.application.identity.AuthenticationException;
import net.defarm.application.identity.RateLimitExceededException;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.KeyScope;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOrigin;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.shared.DomainException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * The door's part of the audit trail: each request runs in the trail's scope with its origin (client address after
 * trusted proxies, user agent, request id), so the records use cases make carry it; and a refusal (401, 403, 429)
 * is recorded here, on its own, unless the use case that refused already recorded it. The record names the route
 * template, not the concrete path: a refused caller's own record never echoes someone else's identifiers.
 */
final class DoorAudit {

    static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");

    private final AuditTrail trail;
    private final Authenticator authenticator;

    DoorAudit(AuditTrail trail, Authenticator authenticator) {
        this.trail = trail;
        this.authenticator = authenticator;
    }

    Handler around(Handler handler, String method, String template) {
        return (req, res) -> {
            try (AuditTrail.Scope ignored = trail.open(origin(req))) {
                try {
                    handler.handle(req, res);
                } catch (AuthenticationException | PermissionDeniedException | RateLimitExceededException e) {
                    refused(req, (DomainException) e, method + " " + template);
                    throw e;
                }
            }
        };
    }

    private void refused(ServerRequest req, DomainException e, String route) {
        if (trail.refusalRecorded() || !trail.enabled()) {
            return;
        }
        Actor actor = Caller.optional(req).orElse(null);
        boolean keyed = req.headers().contains(Authenticator.API_KEY)
                || req.headers().first(HeaderNames.AUTHORIZATION).filter(h -> h.startsWith("Bearer dfm_")).isPresent();
        String action = e instanceof RateLimitExceededException ? "rate_limit.refused"
                : actor == null && keyed ? "api_key.use_denied"
                : e instanceof AuthenticationException ? "auth.denied" : "access.denied";
        AuditFact fact = AuditFact.of(AuditEventType.SECURITY, action, "route", route)
                .outcome(AuditOutcome.BLOCKED, AuditSeverity.MEDIUM).detail("code", e.code());
        trail.record(actor == null ? null : actor.userId(),
                actor == null ? null : actor.keyScope().map(KeyScope::keyId).orElse(null), fact);
    }

    private AuditOrigin origin(ServerRequest req) {
        return new AuditOrigin(authenticator.clientAddress(req),
                req.headers().first(HeaderNames.USER_AGENT).orElse(null), requestId(req));
    }

    /** The client's or proxy's {@code X-Request-Id} when it is well-formed, otherwise one made here. */
    static String requestId(ServerRequest req) {
        return req.headers().first(REQUEST_ID).map(String::strip)
                .filter(id -> id.matches("[A-Za-z0-9._:-]{1,128}"))
                .orElseGet(() -> UUID.randomUUID().toString());
    }
}
