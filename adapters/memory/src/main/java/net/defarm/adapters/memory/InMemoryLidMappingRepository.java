package net.defarm.adapters.memory;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.items.LidMappingRepository;
import net.defarm.domain.shared.ConflictException;

/** LID to DFID mappings held in memory. */
public final class InMemoryLidMappingRepository implements LidMappingRepository {

    private final Map<UUID, String> mappings = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryLidMappingRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public Optional<String> findDfid(UUID lid) {
        return Optional.ofNullable(mappings.get(lid));
    }

    @Override
    public void bind(UUID lid, String dfid) {
        String existing = mappings.putIfAbsent(lid, dfid);
        if (existing == null) {
            uow.onRollback(() -> mappings.remove(lid, dfid));
        } else if (!existing.equals(dfid)) {
            throw new ConflictException("LID_ALREADY_BOUND", "Local item " + lid + " is already tokenized as "
                    + existing);
        }
    }

    /** Everything stored, for export (a live view). */
    Map<UUID, String> all() {
        return mappings;
    }
}
