package net.defarm.application.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.audit.AuditEvent;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.audit.SecurityIncident;
import net.defarm.domain.shared.NotFoundException;

/**
 * Reads of the audit trail: queries, one record, a user's records and the dashboard. A user reads the records they
 * acted in or were the subject of; administrators and auditors read everyone's. A record one may not read is
 * answered as not found.
 */
@UseCase
public final class AuditQueries {

    private final AuditRepository events;
    private final IncidentRepository incidents;
    private final AuditReaders readers;
    private final Clock clock;
    private final AuditTrail trail;

    AuditQueries(AuditRepository events, IncidentRepository incidents, AuditReaders readers, Clock clock,
                 AuditTrail trail) {
        this.events = events;
        this.incidents = incidents;
        this.readers = readers;
        this.clock = clock;
        this.trail = trail;
    }

    public Page<AuditEvent> query(Actor actor, AuditFilter filter, PageRequest page) {
        return read(actor, filter, page, "audit.query");
    }

    /** As {@link #query}, a page of an export: recorded as one. */
    public Page<AuditEvent> export(Actor actor, AuditFilter filter, PageRequest page) {
        return read(actor, filter, page, "audit.export");
    }

    /**
     * One page of what the actor may read. Reading beyond one's own records (an administrator's or auditor's
     * privilege) is itself recorded, once per listing (its first page), naming the user read when there is one.
     */
    private Page<AuditEvent> read(Actor actor, AuditFilter filter, PageRequest page, String action) {
        AuditFilter scoped = readers.scoped(actor, filter);
        Page<AuditEvent> found = events.query(scoped, page);
        if (!readers.privileged(actor)) {
            return found.map(e -> asSubjectSees(actor, e));
        }
        if (page.cursor() == null && !actor.userId().equals(scoped.involving())) {
            trail.record(actor, AuditFact.of(AuditEventType.ACCESS, action, "audit_trail", null)
                    .subject(scoped.involving()));
        }
        return found;
    }

    public AuditEvent find(Actor actor, UUID eventId) {
        boolean privileged = readers.privileged(actor);
        return events.find(eventId).filter(e -> e.involves(actor.userId()) || privileged)
                .map(e -> privileged ? e : asSubjectSees(actor, e))
                .orElseThrow(() -> new NotFoundException("AUDIT_EVENT_NOT_FOUND", "Audit event not found"));
    }

    /** Someone else's sign-in attempt on my account shows me what happened, not where that person was. */
    private static AuditEvent asSubjectSees(Actor actor, AuditEvent e) {
        return actor.userId().equals(e.actorId()) ? e : e.withoutActorsOrigin();
    }

    /** Figures for the dashboard, over what the actor may read. */
    public Dashboard dashboard(Actor actor) {
        AuditFilter scope = readers.scoped(actor, AuditFilter.all());
        Instant now = clock.now();
        AuditCounts all = events.count(scope);
        long last24h = events.count(window(scope, now.minus(Duration.ofDays(1)), now)).total();
        AuditCounts week = events.count(window(scope, now.minus(Duration.ofDays(7)), now));
        AuditCounts failures = events.count(new AuditFilter(scope.involving(), null, null, null,
                java.util.Set.of(AuditOutcome.FAILURE, AuditOutcome.BLOCKED), null, now.minus(Duration.ofDays(1)),
                now, null));
        IncidentFigures figures = readers.privileged(actor) ? incidentFigures() : new IncidentFigures(0, 0, 0);
        List<Anomaly> anomalies = failures.total() >= FAILURE_SPIKE
                ? List.of(new Anomaly("failure_spike", failures.total() + " failed or blocked actions in 24 hours",
                        AuditSeverity.HIGH, now))
                : List.of();
        return new Dashboard(all.total(), last24h, week.total(), figures, all.byCompliance(), all.topActors(),
                anomalies);
    }

    /** Failed or blocked actions in a day from which the dashboard reports an anomaly. */
    static final int FAILURE_SPIKE = 20;

    private IncidentFigures incidentFigures() {
        return new IncidentFigures(countIncidents(SecurityIncident.Status.OPEN, null)
                + countIncidents(SecurityIncident.Status.ASSIGNED, null),
                countIncidents(null, AuditSeverity.CRITICAL), countIncidents(SecurityIncident.Status.RESOLVED, null));
    }

    /** Counted a page at a time (incidents are few; the count stops at ten thousand). */
    private long countIncidents(SecurityIncident.Status status, AuditSeverity severity) {
        long n = 0;
        String cursor = null;
        do {
            Page<SecurityIncident> page = incidents.list(new IncidentRepository.Filter(severity, status, null, null,
                    null), new PageRequest(PageRequest.MAX_LIMIT, cursor));
            n += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null && n < 10_000);
        return n;
    }

    private static AuditFilter window(AuditFilter scope, Instant from, Instant to) {
        return new AuditFilter(scope.involving(), null, null, null, null, null, from, to, null);
    }

    public record IncidentFigures(long open, long critical, long resolved) {
    }

    public record Anomaly(String type, String description, AuditSeverity severity, Instant detectedAt) {
    }

    public record Dashboard(long totalEvents, long last24h, long last7d, IncidentFigures incidents,
                            java.util.Map<String, Long> compliance, List<ActorCount> topUsers,
                            List<Anomaly> anomalies) {
    }
}
