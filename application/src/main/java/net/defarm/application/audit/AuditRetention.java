package net.defarm.application.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;
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
 * Each removed day is recorded in the transaction that removes it, even with automatic records off.
 */
@UseCase
public final class AuditRetention {

    private final AuditRepository events;
    private final Accounts users;
    private final AuditTrail trail;
    private final Clock clock;
    private final UnitOfWork uow;

    AuditRetention(AuditRepository events, Accounts users, AuditTrail trail, Clock clock, UnitOfWork uow) {
        this.events = events;
        this.users = users;
        this.trail = trail;
        this.clock = clock;
        this.uow = uow;
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
                records += removeRecorded(day);
                removed.add(day);
            }
        }
        return new Run(removed, records);
    }

    /** One day's removal and its record commit together (whether or not automatic records are on). */
    private long removeRecorded(LocalDate day) {
        return uow.inTransaction(() -> {
            long n = events.removeDay(day);
            trail.recordAlways(AdminAction.CONSOLE, null, AuditFact.of(AuditEventType.SYSTEM, "audit.retention",
                            "audit_trail", null)
                    .detail("removed_days", new JsonArray(List.of(JsonValue.of(day.toString()))))
                    .detail("removed_records", JsonValue.of(n)));
            return n;
        });
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
