package net.defarm.adapters.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import net.defarm.application.circuits.CircuitActivityRepository;
import net.defarm.domain.circuits.Activity;

/** Circuit activity feeds held in memory. */
public final class InMemoryCircuitActivityRepository implements CircuitActivityRepository {

    private final Map<String, Activity> activities = new ConcurrentHashMap<>();
    private final Map<UUID, NavigableSet<ActivityKey>> byCircuit = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryCircuitActivityRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void append(Activity activity) {
        if (activities.putIfAbsent(activity.activityId(), activity) != null) {
            return;
        }
        NavigableSet<ActivityKey> keys = byCircuit.computeIfAbsent(activity.circuitId(),
                k -> new ConcurrentSkipListSet<>());
        keys.add(ActivityKey.of(activity));
        uow.onRollback(() -> {
            if (activities.remove(activity.activityId(), activity)) {
                keys.remove(ActivityKey.of(activity));
            }
        });
    }

    @Override
    public List<Activity> find(UUID circuitId, ActivityKey after, int limit) {
        return KeysetPage.of(byCircuit.get(circuitId), after, key -> activities.get(key.activityId()), a -> true,
                limit);
    }

    @Override
    public List<Activity> findAcross(Collection<UUID> circuitIds, String userId, ActivityKey after, int limit) {
        List<Activity> merged = new ArrayList<>();
        for (UUID circuitId : circuitIds) {
            merged.addAll(KeysetPage.of(byCircuit.get(circuitId), after, key -> activities.get(key.activityId()),
                    a -> userId == null || userId.equals(a.userId()), limit));
        }
        merged.sort(Comparator.comparing(ActivityKey::of));
        return List.copyOf(merged.subList(0, Math.min(merged.size(), limit)));
    }

    /** Everything stored, for export (a live view; the caller copies what it keeps). */
    java.util.Collection<Activity> all() {
        return activities.values();
    }

    boolean exists(String activityId) {
        return activities.containsKey(activityId);
    }
}
