package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.UUID;
import net.defarm.application.circuits.CircuitActivityRepository;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.circuits.Activity;

/** Circuit activity: read from memory; appended to memory, then to the durable store, in one unit of work. */
final class WriteThroughCircuitActivityRepository implements CircuitActivityRepository {

    private final CircuitActivityRepository memory;
    private final CircuitActivityRepository durable;
    private final UnitOfWork both;

    WriteThroughCircuitActivityRepository(CircuitActivityRepository memory, CircuitActivityRepository durable,
                                          UnitOfWork both) {
        this.memory = memory;
        this.durable = durable;
        this.both = both;
    }

    @Override
    public void append(Activity activity) {
        both.inTransaction(() -> {
            memory.append(activity);
            durable.append(activity);
        });
    }

    @Override
    public List<Activity> find(UUID circuitId, ActivityKey after, int limit) {
        return memory.find(circuitId, after, limit);
    }
}
