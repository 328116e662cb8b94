package net.defarm.adapters.writethrough;

import java.util.Optional;
import java.util.UUID;
import net.defarm.application.items.LidMappingRepository;

/** LID mappings: read from memory; bound in memory, then in the durable store, in one unit of work. */
final class WriteThroughLidMappingRepository implements LidMappingRepository {

    private final Mirror<LidMappingRepository> stores;

    WriteThroughLidMappingRepository(Mirror<LidMappingRepository> stores) {
        this.stores = stores;
    }

    @Override
    public Optional<String> findDfid(UUID lid) {
        return stores.memory().findDfid(lid);
    }

    @Override
    public void bind(UUID lid, String dfid) {
        stores.write(port -> port.bind(lid, dfid));
    }
}
