package net.defarm.application.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.audit.UserActivity;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.NotFoundException;

/**
 * Each user's activity log: entries are the caller's own (whatever user a body names), read only by them; only an
 * administrator cleans up old entries, and the cleanup is audited.
 */
@UseCase
public final class UserActivities {

    /** Entries a statistics period reads at most. */
    static final int STATS_LIMIT = 10_000;

    private final UserActivityRepository activities;
    private final AuditReaders readers;
    private final AuditTrail trail;
    private final UnitOfWork uow;
    private final Clock clock;

    UserActivities(UserActivityRepository activities, AuditReaders readers, AuditTrail trail, UnitOfWork uow,
                   Clock clock) {
        this.activities = activities;
        this.readers = readers;
        this.trail = trail;
        this.uow = uow;
        this.clock = clock;
    }

    public record Entry(String activityType, String category, String resourceType, String resourceId,
                        String action, String description, JsonValue metadata, boolean success, String userAgent) {
    }

    public record Listing(String category, String activityType, String resourceType, Instant from, Instant to,
                          String search) {
    }

    public record Stats(long totalActions, Map<String, Long> byCategory, Map<String, Long> byType,
                        List<long[]> mostActiveHours, double successRate, Instant periodStart, Instant periodEnd) {
    }

    public UserActivity log(Actor actor, Entry e) {
        UserActivity a = new UserActivity(UUID.randomUUID(), actor.userId(), actor.workspaceId(), clock.now(),
                e.activityType(), e.category(), e.resourceType(), e.resourceId(), e.action(), e.description(),
                e.metadata(), e.success(), trail.origin().clientAddress(),
                e.userAgent() != null ? e.userAgent() : trail.origin().userAgent());
        uow.inTransaction(() -> activities.insert(a));
        return a;
    }

    public Page<UserActivity> list(Actor actor, Listing l, PageRequest page) {
        return activities.list(actor.userId(), new UserActivityRepository.Filter(
                l.category() == null ? null : UserActivity.oneOf(UserActivity.CATEGORIES, l.category(), "category"),
                l.activityType() == null ? null
                        : UserActivity.oneOf(UserActivity.TYPES, l.activityType(), "activity_type"),
                l.resourceType() == null ? null
                        : UserActivity.oneOf(UserActivity.RESOURCE_TYPES, l.resourceType(), "resource_type"),
                l.from(), l.to(), l.search() == null || l.search().isBlank() ? null : l.search()), page);
    }

    public UserActivity find(Actor actor, UUID activityId) {
        return activities.find(activityId).filter(a -> a.userId().equals(actor.userId()))
                .orElseThrow(() -> new NotFoundException("ACTIVITY_NOT_FOUND", "Activity not found"));
    }

    public Stats stats(Actor actor, int periodDays) {
        if (periodDays < 1 || periodDays > 3650) {
            throw new InvalidInputException("INVALID_PERIOD", "period_days must be between 1 and 3650");
        }
        Instant end = clock.now();
        Instant start = end.minus(Duration.ofDays(periodDays));
        List<UserActivity> period = activities.period(actor.userId(), start, end, STATS_LIMIT);
        Map<Integer, Long> hours = period.stream().collect(Collectors.groupingBy(
                a -> a.at().atZone(ZoneOffset.UTC).getHour(), Collectors.counting()));
        List<long[]> top = hours.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(en -> new long[] {en.getKey(), en.getValue()}).toList();
        long ok = period.stream().filter(UserActivity::success).count();
        return new Stats(period.size(),
                new TreeMap<>(period.stream().collect(Collectors.groupingBy(UserActivity::category,
                        Collectors.counting()))),
                new TreeMap<>(period.stream().collect(Collectors.groupingBy(UserActivity::activityType,
                        Collectors.counting()))),
                top, period.isEmpty() ? 100.0 : ok * 100.0 / period.size(), start, end);
    }

    /** Removes every user's entries older than {@code before}: administrators only; recorded in the trail. */
    public long cleanup(Actor actor, Instant before) {
        readers.requireAdministrator(actor, "Only administrators clean up activity logs");
        if (before == null) {
            throw new InvalidInputException("INVALID_BEFORE_DATE", "before_date is required");
        }
        return uow.inTransaction(() -> {
            long deleted = activities.deleteBefore(before);
            trail.record(actor, AuditFact.of(AuditEventType.SYSTEM, "activity.cleanup", "user_activity", null)
                    .severity(AuditSeverity.MEDIUM).detail("before", before.toString())
                    .detail("deleted", JsonValue.of(deleted)));
            return deleted;
        });
    }
}
