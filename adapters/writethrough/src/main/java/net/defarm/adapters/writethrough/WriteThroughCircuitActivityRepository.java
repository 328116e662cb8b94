package net.defarm.adapters.writethrough;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import net.defarm.application.circuits.CircuitActivityRepository;
import net.defarm.domain.circuits.Activity;

/** Circuit activity: read from memory; appended to memory, then to the durable store, in one unit of work. */
final class WriteThroughCircuitActivityRepository implements CircuitActivityRepository {

    private final Mirror<CircuitActivityRepository> stores;

    WriteThroughCircuitActivityRepository(Mirror<CircuitActivityRepository> stores) {
        this.stores = stores;
    }

    @Override
    public void append(Activity activity) {
        stores.write(port -> port.append(activity));
    }

    @Override
    public List<Activity> find(UUID circuitId, ActivityKey after, int limit) {
        return stores.memory().find(circuitId, after, limit);
    }

    @Override
    public List<Activity> findAcross(Collection<UUID> circuitIds, String userId, ActivityKey after, int limit) {
        return stores.memory().findAcross(circuitIds, userId, after, limit);
    }
}
