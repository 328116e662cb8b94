package net.defarm.adapters.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.audit.UserActivityRepository;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.audit.UserActivity;

/** Users' activity logs in memory. */
public final class InMemoryUserActivityRepository implements UserActivityRepository {

    static final String CURSOR = "user-activity";

    private final Map<UUID, UserActivity> activities = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryUserActivityRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void insert(UserActivity activity) {
        if (activities.putIfAbsent(activity.activityId(), activity) != null) {
            throw new IllegalStateException("activity " + activity.activityId() + " exists");
        }
        uow.onRollback(() -> activities.remove(activity.activityId()));
    }

    @Override
    public Optional<UserActivity> find(UUID activityId) {
        return Optional.ofNullable(activities.get(activityId));
    }

    @Override
    public Page<UserActivity> list(String userId, Filter filter, PageRequest page) {
        return NewestFirst.page(activities.values(), UserActivity::at, UserActivity::activityId,
                a -> a.userId().equals(userId) && filter.matches(a), CURSOR, page);
    }

    @Override
    public List<UserActivity> period(String userId, Instant from, Instant to, int limit) {
        return activities.values().stream()
                .filter(a -> a.userId().equals(userId) && !a.at().isBefore(from) && a.at().isBefore(to))
                .sorted(java.util.Comparator.comparing(UserActivity::at)).limit(limit).toList();
    }

    @Override
    public long deleteBefore(Instant before) {
        List<UserActivity> old = activities.values().stream().filter(a -> a.at().isBefore(before)).toList();
        old.forEach(a -> activities.remove(a.activityId()));
        uow.onRollback(() -> old.forEach(a -> activities.put(a.activityId(), a)));
        return old.size();
    }
}
