package net.defarm.application.audit;

import java.util.List;
import java.util.Map;

/** Counts over the records a filter selects: in total, per type, outcome and severity, and the busiest actors. */
public record AuditCounts(long total, Map<String, Long> byType, Map<String, Long> byOutcome,
                          Map<String, Long> bySeverity, Map<String, Long> byCompliance, List<ActorCount> topActors) {

    public static final int TOP_ACTORS = 10;

    public AuditCounts {
        byType = Map.copyOf(byType);
        byOutcome = Map.copyOf(byOutcome);
        bySeverity = Map.copyOf(bySeverity);
        byCompliance = Map.copyOf(byCompliance);
        topActors = List.copyOf(topActors);
    }
}
