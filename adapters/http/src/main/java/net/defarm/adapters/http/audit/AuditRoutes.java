package net.defarm.adapters.http.audit;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.defarm.adapters.http.audit.AuditViews.ComplianceFlags;
import net.defarm.adapters.http.audit.AuditViews.EventView;
import net.defarm.adapters.http.audit.AuditViews.MetadataBody;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.audit.AuditFilter;
import net.defarm.application.audit.AuditUseCases;
import net.defarm.application.audit.SubmitAuditEvents;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.audit.AuditEvent;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/**
 * {@code /audit/audit/events...}, the dashboard, the export, the chain's verification and auditor grants. Events a
 * client submits are the caller's: a {@code user_id} in the body is ignored. Lists are bounded ({@code limit},
 * {@code cursor}); the JSON export streams page after page.
 */
public final class AuditRoutes implements HttpService {

    record EventBody(String userId, String eventType, String action, String resource, String resourceId,
                     String outcome, String severity, JsonObject details, MetadataBody metadata,
                     ComplianceFlags compliance, String dataClassification, List<String> complianceFlags,
                     UUID eventId, Long timestamp, String signature) {
    }

    record SyncBody(List<EventBody> events) {
    }

    record QueryBody(String userId, List<String> eventTypes, List<String> actions, List<String> resources,
                     List<String> outcomes, List<String> severities, Long startDate, Long endDate,
                     String compliance, Integer limit, Integer offset, String cursor, String sortBy,
                     String sortOrder) {
    }

    record StoredView(int stored, List<String> eventIds) {
    }

    record EventId(String eventId) {
    }

    record SecurityEventId(String eventId, String incidentId) {
    }

    record AuditorBody(Boolean isAuditor) {
    }

    record AuditorView(String userId, boolean isAuditor) {
    }

    private final AuditUseCases audit;
    private final HttpJson json;

    public AuditRoutes(AuditUseCases audit, HttpJson json) {
        this.audit = audit;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/events", (req, res) -> submit(req, res, null))
                .post("/events/security", (req, res) -> submit(req, res, AuditEventType.SECURITY))
                .post("/events/data-access", (req, res) -> submit(req, res, AuditEventType.DATA))
                .post("/events/query", this::query)
                .post("/events/sync", this::sync)
                .get("/events/user/{user_id}", this::userEvents)
                .get("/events/{event_id}", this::event)
                .get("/dashboard/metrics", this::dashboard)
                .post("/export/json", this::export)
                .get("/verify", this::verify)
                .put("/auditors/{user_id}", this::auditor);
    }

    private void submit(ServerRequest req, ServerResponse res, AuditEventType fixed) {
        EventBody b = json.read(req, EventBody.class);
        SubmitAuditEvents.Submitted s = audit.submissions().submit(Caller.of(req), submission(b, fixed));
        json.ok(res, Envelope.of(fixed == AuditEventType.SECURITY
                ? new SecurityEventId(s.eventId().toString(), s.incidentId().map(UUID::toString).orElse(null))
                : new EventId(s.eventId().toString())));
    }

    private static SubmitAuditEvents.Submission submission(EventBody b, AuditEventType fixed) {
        AuditEventType type = fixed != null ? fixed : AuditEventType.parse(Requests.required(b.eventType(),
                "event_type"));
        AuditSeverity severity = b.severity() == null && fixed == AuditEventType.DATA ? AuditSeverity.LOW
                : AuditSeverity.parse(Requests.required(b.severity(), "severity"));
        JsonObject details = b.details() == null ? JsonObject.EMPTY : b.details();
        if (b.dataClassification() != null) {
            details = details.with("data_classification", JsonValue.of(b.dataClassification()));
        }
        Set<String> compliance = b.compliance() == null ? new java.util.TreeSet<>() : b.compliance().names();
        if (b.complianceFlags() != null) {
            b.complianceFlags().forEach(f -> compliance.add(f.toLowerCase(java.util.Locale.ROOT)));
        }
        return new SubmitAuditEvents.Submission(type, b.action(), b.resource(), b.resourceId(),
                AuditOutcome.parse(Requests.required(b.outcome(), "outcome")), severity, details,
                b.metadata() == null ? null : b.metadata().claims(), compliance,
                AuditViews.seconds(b.timestamp(), "timestamp"), b.eventId());
    }

    private void sync(ServerRequest req, ServerResponse res) {
        SyncBody b = json.read(req, SyncBody.class);
        List<EventBody> events = Requests.required(b.events(), "events");
        List<SubmitAuditEvents.Submitted> stored = audit.submissions().sync(Caller.of(req),
                events.stream().map(e -> submission(e, null)).toList());
        json.ok(res, Envelope.of(new StoredView(stored.size(), stored.stream().map(s -> s.eventId().toString())
                .toList())));
    }

    private void query(ServerRequest req, ServerResponse res) {
        QueryBody b = json.read(req, QueryBody.class);
        Page<AuditEvent> page = audit.queries().query(Caller.of(req), filter(b), pageOf(b));
        Paging.headers(req, res, page);
        json.ok(res, Envelope.of(page.items().stream().map(EventView::of).toList()));
    }

    static AuditFilter filter(QueryBody b) {
        if (b.sortBy() != null && !b.sortBy().equals("timestamp") || b.sortOrder() != null
                && !b.sortOrder().equals("desc")) {
            throw new InvalidInputException("UNSUPPORTED_SORT", "records are listed newest first "
                    + "(sort_by timestamp, sort_order desc)");
        }
        return new AuditFilter(b.userId(), parsed(b.eventTypes(), AuditEventType::parse),
                b.actions() == null ? null : Set.copyOf(b.actions()),
                b.resources() == null ? null : Set.copyOf(b.resources()), parsed(b.outcomes(), AuditOutcome::parse),
                parsed(b.severities(), AuditSeverity::parse), AuditViews.seconds(b.startDate(), "start_date"),
                AuditViews.seconds(b.endDate(), "end_date"),
                b.compliance() == null ? null : b.compliance().toLowerCase(java.util.Locale.ROOT));
    }

    static PageRequest pageOf(QueryBody b) {
        if (b.offset() != null && b.offset() != 0) {
            throw new InvalidInputException("UNSUPPORTED_OFFSET", "pages follow a cursor: pass the previous "
                    + "answer's X-Next-Cursor as cursor");
        }
        return new PageRequest(b.limit() == null ? PageRequest.DEFAULT_LIMIT : b.limit(), b.cursor());
    }

    private static <E> Set<E> parsed(List<String> values, java.util.function.Function<String, E> parse) {
        return values == null ? null : values.stream().map(parse).collect(Collectors.toSet());
    }

    private void event(ServerRequest req, ServerResponse res) {
        UUID id = Requests.uuidPath(req, "event_id", "event ID");
        json.ok(res, Envelope.of(EventView.of(audit.queries().find(Caller.of(req), id))));
    }

    private void userEvents(ServerRequest req, ServerResponse res) {
        String userId = Requests.path(req, "user_id");
        Optional<String> type = Requests.query(req, "event_type");
        Optional<String> severity = Requests.query(req, "severity");
        AuditFilter filter = new AuditFilter(userId, type.map(t -> Set.of(AuditEventType.parse(t))).orElse(null),
                null, null, null, severity.map(s -> Set.of(AuditSeverity.parse(s))).orElse(null),
                Requests.epochSecondsQuery(req, "start_date").orElse(null),
                Requests.epochSecondsQuery(req, "end_date").orElse(null), null);
        Page<AuditEvent> page = audit.queries().query(Caller.of(req), filter, Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, Envelope.of(page.items().stream().map(EventView::of).toList()));
    }

    private void dashboard(ServerRequest req, ServerResponse res) {
        json.ok(res, Envelope.of(AuditViews.DashboardView.of(audit.queries().dashboard(Caller.of(req)))));
    }

    /** Streams every matching record, one page in memory at a time. */
    private void export(ServerRequest req, ServerResponse res) {
        QueryBody b = json.read(req, QueryBody.class);
        Actor actor = Caller.of(req);
        AuditFilter filter = filter(b);
        // The first page is read before the status is sent, so a refusal is still an ordinary error answer.
        Page<AuditEvent> page = audit.queries().export(actor, filter, new PageRequest(PageRequest.MAX_LIMIT, null));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        try (OutputStream out = res.outputStream()) {
            out.write("{\"success\":true,\"data\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            boolean first = true;
            while (true) {
                for (AuditEvent e : page.items()) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    out.write(json.mapper().writeValueAsBytes(EventView.of(e)));
                }
                if (page.nextCursor() == null) {
                    break;
                }
                page = audit.queries().export(actor, filter, new PageRequest(PageRequest.MAX_LIMIT,
                        page.nextCursor()));
            }
            out.write("]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void verify(ServerRequest req, ServerResponse res) {
        json.ok(res, Envelope.of(AuditViews.VerificationView.of(audit.verification().verify(Caller.of(req)))));
    }

    private void auditor(ServerRequest req, ServerResponse res) {
        String userId = Requests.path(req, "user_id");
        AuditorBody b = json.read(req, AuditorBody.class);
        boolean grant = Requests.required(b.isAuditor(), "is_auditor");
        audit.auditors().set(Caller.of(req), userId, grant);
        json.ok(res, Envelope.of(new AuditorView(userId, grant)));
    }
}
