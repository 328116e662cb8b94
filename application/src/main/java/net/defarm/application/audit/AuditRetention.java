package net.defarm.application.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.admin.AdminAction;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.identity.TierLimits;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonValue;

/**
 * Removes whole days of the trail once every record in them is older than its users' tier allows
 * ({@code max_audit_retention_days}; records of nobody, or of a removed account, keep the shortest retention).
 * A day is kept while any of its users' tiers still covers it, so no one loses records their tier promises.
 * The run is itself recorded, with the days it removed.
 */
@UseCase
public final class AuditRetention {

    private final AuditRepository events;
    private final Accounts users;
    private final AuditTrail trail;
    private final Clock clock;

    AuditRetention(AuditRepository events, Accounts users, AuditTrail trail, Clock clock) {
        this.events = events;
        this.users = users;
        this.trail = trail;
        this.clock = clock;
    }

    public record Run(List<LocalDate> removedDays, long removedRecords) {
    }

    public Run run() {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        int shortest = Arrays.stream(UserTier.values()).mapToInt(t -> TierLimits.of(t).maxAuditRetentionDays())
                .min().orElse(0);
        List<LocalDate> removed = new ArrayList<>();
        long records = 0;
        for (LocalDate day : events.days()) {
            long age = ChronoUnit.DAYS.between(day, today);
            if (age <= shortest) {
                break;
            }
            if (age > retentionOf(events.usersOn(day), shortest)) {
                records += events.removeDay(day);
                removed.add(day);
            }
        }
        if (!removed.isEmpty()) {
            trail.record(AdminAction.CONSOLE, null, AuditFact.of(AuditEventType.SYSTEM, "audit.retention",
                            "audit_trail", null)
                    .detail("removed_days", new JsonArray(removed.stream().map(d -> JsonValue.of(d.toString()))
                            .toList()))
                    .detail("removed_records", JsonValue.of(records)));
        }
        return new Run(removed, records);
    }

    private int retentionOf(Set<String> userIds, int shortest) {
        int days = shortest;
        for (String id : userIds) {
            if (id != null) {
                days = Math.max(days, users.findById(id).map(u -> TierLimits.of(u.tier()).maxAuditRetentionDays())
                        .orElse(shortest));
            }
        }
        return days;
    }
}
