package net.defarm.adapters.memory;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.audit.ComplianceReportRepository;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.audit.ComplianceReport;

/** Compliance reports in memory. */
public final class InMemoryComplianceReportRepository implements ComplianceReportRepository {

    static final String CURSOR = "compliance-reports";

    private final Map<UUID, ComplianceReport> reports = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryComplianceReportRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void insert(ComplianceReport report) {
        if (reports.putIfAbsent(report.reportId(), report) != null) {
            throw new IllegalStateException("report " + report.reportId() + " exists");
        }
        uow.onRollback(() -> reports.remove(report.reportId()));
    }

    @Override
    public Optional<ComplianceReport> find(UUID reportId) {
        return Optional.ofNullable(reports.get(reportId));
    }

    @Override
    public Page<ComplianceReport> list(String reportType, PageRequest page) {
        return NewestFirst.page(reports.values(), ComplianceReport::createdAt, ComplianceReport::reportId,
                r -> reportType == null || reportType.equals(r.reportType()), CURSOR, page);
    }
}
