package net.defarm.adapters.cache;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.items.LidMappingRepository;

/** LID to DFID mappings from the cache: bound once and never changed, so only "not yet bound" ever goes stale. */
final class CachingLidMappingRepository implements LidMappingRepository {

    private final LidMappingRepository store;
    private final CacheRegion<String> mappings;

    CachingLidMappingRepository(LidMappingRepository store, CacheRegion<String> mappings) {
        this.store = store;
        this.mappings = mappings;
    }

    @Override
    public Optional<String> findDfid(UUID lid) {
        return mappings.get(lid.toString(), () -> store.findDfid(lid));
    }

    @Override
    public void bind(UUID lid, String dfid) {
        store.bind(lid, dfid);
        mappings.afterWrite(List.of(lid.toString()));
    }
}
