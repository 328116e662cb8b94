package net.defarm.application.circuits;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.circuits.Activity;

/** The circuits' activity feeds. */
@OutboundPort
public interface CircuitActivityRepository {

    /** Records the activity; the same activity id twice is stored once. */
    void append(Activity activity);

    /** A circuit's activities, oldest first, after {@code after}, at most {@code limit}. */
    List<Activity> find(UUID circuitId, ActivityKey after, int limit);

    /**
     * The activities of several circuits in one keyset order (oldest first), after {@code after}, at most
     * {@code limit}; {@code userId} not null: only that user's. One bounded read however many circuits.
     */
    List<Activity> findAcross(Collection<UUID> circuitIds, String userId, ActivityKey after, int limit);

    record ActivityKey(Instant timestamp, String activityId) implements Comparable<ActivityKey> {
        public static ActivityKey of(Activity a) {
            return new ActivityKey(a.timestamp(), a.activityId());
        }

        @Override
        public int compareTo(ActivityKey o) {
            int c = timestamp.compareTo(o.timestamp);
            return c != 0 ? c : activityId.compareTo(o.activityId);
        }
    }
}
