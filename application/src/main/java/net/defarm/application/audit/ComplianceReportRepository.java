package net.defarm.application.audit;

import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.audit.ComplianceReport;

/** Compliance reports as they were computed; kept as issued. */
@OutboundPort
public interface ComplianceReportRepository {

    void insert(ComplianceReport report);

    Optional<ComplianceReport> find(UUID reportId);

    /** Newest first; {@code reportType} null: every type. */
    Page<ComplianceReport> list(String reportType, PageRequest page);
}
