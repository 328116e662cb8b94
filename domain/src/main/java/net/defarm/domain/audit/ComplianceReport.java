package net.defarm.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A compliance report computed from the audit records of a period: how many there were, by type, outcome and
 * severity, and the ids of the records it rests on ({@code evidence}, at most {@link #MAX_EVIDENCE}; {@code
 * evidenceTruncated} says when there were more). {@code status} is {@code compliant} unless the period holds
 * failed, blocked or high-severity records ({@code review}).
 */
public record ComplianceReport(UUID reportId, String reportType, Instant periodStart, Instant periodEnd,
                               String scopeUserId, String format, String requestedBy, Instant createdAt,
                               long totalEvents, Map<String, Long> byType, Map<String, Long> byOutcome,
                               Map<String, Long> bySeverity, List<UUID> evidence, boolean evidenceTruncated,
                               String status) {

    public static final int MAX_EVIDENCE = 1000;

    public ComplianceReport {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(reportType, "reportType");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        byType = Map.copyOf(byType);
        byOutcome = Map.copyOf(byOutcome);
        bySeverity = Map.copyOf(bySeverity);
        evidence = List.copyOf(evidence);
    }
}
