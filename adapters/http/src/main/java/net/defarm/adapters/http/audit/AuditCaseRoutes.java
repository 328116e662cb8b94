package net.defarm.adapters.http.audit;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.UUID;
import net.defarm.adapters.http.audit.AuditViews.EventView;
import net.defarm.adapters.http.audit.AuditViews.IncidentView;
import net.defarm.adapters.http.audit.AuditViews.ReportView;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.audit.AuditFilter;
import net.defarm.application.audit.AuditUseCases;
import net.defarm.application.audit.ComplianceReports;
import net.defarm.application.audit.Incidents;
import net.defarm.application.shared.Page;
import net.defarm.domain.audit.AuditEvent;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.audit.ComplianceReport;
import net.defarm.domain.audit.IncidentCategory;
import net.defarm.domain.audit.SecurityIncident;
import net.defarm.domain.shared.InvalidInputException;

/** {@code /audit/audit/incidents...} and {@code /audit/audit/compliance...}: administrators and auditors. */
public final class AuditCaseRoutes implements HttpService {

    record IncidentBody(String title, String description, String severity, String category,
                        List<String> affectedUsers, List<String> affectedResources, List<String> relatedEventIds,
                        Boolean confidential) {
    }

    record AssignBody(String assignee) {
    }

    record ScopeBody(String userId, List<String> resourceTypes, List<String> eventTypes, List<String> regulations) {
    }

    record ReportBody(String reportType, Long periodStart, Long periodEnd, ScopeBody scope, String exportFormat,
                      Boolean includeEvidence) {
    }

    record PeriodBody(Long startDate, Long endDate) {
    }

    record IncidentId(String incidentId) {
    }

    record ReportCreated(String reportId, ReportView report) {
    }

    private final AuditUseCases audit;
    private final HttpJson json;

    public AuditCaseRoutes(AuditUseCases audit, HttpJson json) {
        this.audit = audit;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/incidents", this::open)
                .get("/incidents", this::incidents)
                .get("/incidents/{incident_id}", this::incident)
                .put("/incidents/{incident_id}/assign", this::assign)
                .put("/incidents/{incident_id}/resolve", this::resolve)
                .post("/compliance/reports", this::report)
                .get("/compliance/reports", this::reports)
                .post("/compliance/reports/gdpr", (req, res) -> namedReport(req, res, "gdpr"))
                .post("/compliance/reports/food-safety", (req, res) -> namedReport(req, res, "food_safety"))
                .post("/compliance/events", this::complianceEvents)
                .post("/compliance/incidents", this::complianceIncidents);
    }

    private void open(ServerRequest req, ServerResponse res) {
        IncidentBody b = json.read(req, IncidentBody.class);
        SecurityIncident i = audit.incidents().open(Caller.of(req), new Incidents.Opening(b.title(),
                b.description(), AuditSeverity.parse(Requests.required(b.severity(), "severity")),
                IncidentCategory.parse(Requests.required(b.category(), "category")),
                Requests.required(b.affectedUsers(), "affected_users"),
                Requests.required(b.affectedResources(), "affected_resources"),
                Requests.required(b.relatedEventIds(), "related_event_ids").stream()
                        .map(id -> Requests.uuid(id, "related event id")).toList(),
                Boolean.TRUE.equals(b.confidential())));
        json.ok(res, Envelope.of(new IncidentId(i.incidentId().toString())));
    }

    private void incidents(ServerRequest req, ServerResponse res) {
        Page<SecurityIncident> page = audit.incidents().list(Caller.of(req), new Incidents.Listing(
                Requests.query(req, "severity").map(AuditSeverity::parse).orElse(null),
                Requests.query(req, "status").map(AuditCaseRoutes::status).orElse(null),
                Requests.query(req, "assignee").orElse(null), null, null), Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, Envelope.of(page.items().stream().map(IncidentView::of).toList()));
    }

    private static SecurityIncident.Status status(String text) {
        for (SecurityIncident.Status s : SecurityIncident.Status.values()) {
            if (s.wire().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new InvalidInputException("INVALID_STATUS", "status must be open, assigned or resolved");
    }

    private static UUID incidentId(ServerRequest req) {
        return Requests.uuidPath(req, "incident_id", "incident ID");
    }

    private void incident(ServerRequest req, ServerResponse res) {
        json.ok(res, Envelope.of(IncidentView.of(audit.incidents().find(Caller.of(req), incidentId(req)))));
    }

    private void assign(ServerRequest req, ServerResponse res) {
        UUID id = incidentId(req);
        AssignBody b = json.read(req, AssignBody.class);
        json.ok(res, Envelope.of(IncidentView.of(audit.incidents().assign(Caller.of(req), id, b.assignee()))));
    }

    private void resolve(ServerRequest req, ServerResponse res) {
        json.ok(res, Envelope.of(IncidentView.of(audit.incidents().resolve(Caller.of(req), incidentId(req)))));
    }

    private void report(ServerRequest req, ServerResponse res) {
        ReportBody b = json.read(req, ReportBody.class);
        ComplianceReport r = audit.reports().create(Caller.of(req), new ComplianceReports.Request(b.reportType(),
                AuditViews.seconds(Requests.required(b.periodStart(), "period_start"), "period_start"),
                AuditViews.seconds(Requests.required(b.periodEnd(), "period_end"), "period_end"),
                b.scope() == null ? null : b.scope().userId(), b.exportFormat()));
        json.ok(res, Envelope.of(new ReportCreated(r.reportId().toString(), ReportView.of(r))));
    }

    private void reports(ServerRequest req, ServerResponse res) {
        Page<ComplianceReport> page = audit.reports().list(Caller.of(req),
                Requests.query(req, "report_type").orElse(null), Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, Envelope.of(page.items().stream().map(ReportView::of).toList()));
    }

    private void namedReport(ServerRequest req, ServerResponse res, String type) {
        PeriodBody b = json.read(req, PeriodBody.class);
        ComplianceReport r = audit.reports().create(Caller.of(req), new ComplianceReports.Request(type,
                AuditViews.seconds(Requests.required(b.startDate(), "start_date"), "start_date"),
                AuditViews.seconds(Requests.required(b.endDate(), "end_date"), "end_date"), null, "json"));
        json.ok(res, ReportView.of(r));
    }

    private void complianceEvents(ServerRequest req, ServerResponse res) {
        PeriodBody b = json.read(req, PeriodBody.class);
        Page<AuditEvent> page = audit.queries().query(Caller.of(req), AuditFilter.period(null,
                AuditViews.seconds(b.startDate(), "start_date"), AuditViews.seconds(b.endDate(), "end_date")),
                Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(EventView::of).toList());
    }

    private void complianceIncidents(ServerRequest req, ServerResponse res) {
        PeriodBody b = json.read(req, PeriodBody.class);
        Page<SecurityIncident> page = audit.incidents().list(Caller.of(req), new Incidents.Listing(null, null, null,
                AuditViews.seconds(b.startDate(), "start_date"), AuditViews.seconds(b.endDate(), "end_date")),
                Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(IncidentView::of).toList());
    }
}
