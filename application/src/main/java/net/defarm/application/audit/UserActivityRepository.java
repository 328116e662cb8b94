package net.defarm.application.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.audit.UserActivity;

/** Users' activity logs. Unlike the audit trail, old entries may be cleaned up (by an administrator). */
@OutboundPort
public interface UserActivityRepository {

    void insert(UserActivity activity);

    Optional<UserActivity> find(UUID activityId);

    /** One user's entries, newest first. */
    Page<UserActivity> list(String userId, Filter filter, PageRequest page);

    /** Every entry of one user in the period (for statistics), at most {@code limit}. */
    java.util.List<UserActivity> period(String userId, Instant from, Instant to, int limit);

    /** Removes every user's entries older than {@code before}; how many went. */
    long deleteBefore(Instant before);

    /** Null fields do not filter; {@code search} is a case-insensitive part of description, action or resource. */
    record Filter(String category, String activityType, String resourceType, Instant from, Instant to,
                  String search) {
        public boolean matches(UserActivity a) {
            return (category == null || category.equals(a.category()))
                    && (activityType == null || activityType.equals(a.activityType()))
                    && (resourceType == null || resourceType.equals(a.resourceType()))
                    && (from == null || !a.at().isBefore(from)) && (to == null || a.at().isBefore(to))
                    && (search == null || contains(a.description(), search) || contains(a.action(), search)
                    || contains(a.resourceId(), search));
        }

        private static boolean contains(String text, String part) {
            return text != null && text.toLowerCase(java.util.Locale.ROOT)
                    .contains(part.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
