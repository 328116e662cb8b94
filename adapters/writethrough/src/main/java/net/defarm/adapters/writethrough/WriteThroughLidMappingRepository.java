package net.defarm.adapters.writethrough;

import java.util.Optional;
import java.util.UUID;
import net.defarm.application.items.LidMappingRepository;
import net.defarm.application.shared.UnitOfWork;

/** LID mappings: read from memory; bound in memory, then in the durable store, in one unit of work. */
final class WriteThroughLidMappingRepository implements LidMappingRepository {

    private final LidMappingRepository memory;
    private final LidMappingRepository durable;
    private final UnitOfWork both;

    WriteThroughLidMappingRepository(LidMappingRepository memory, LidMappingRepository durable, UnitOfWork both) {
        this.memory = memory;
        this.durable = durable;
        this.both = both;
    }

    @Override
    public Optional<String> findDfid(UUID lid) {
        return memory.findDfid(lid);
    }

    @Override
    public void bind(UUID lid, String dfid) {
        both.inTransaction(() -> {
            memory.bind(lid, dfid);
            durable.bind(lid, dfid);
        });
    }
}
