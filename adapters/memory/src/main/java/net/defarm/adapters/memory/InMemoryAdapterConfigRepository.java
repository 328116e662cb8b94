package net.defarm.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import net.defarm.application.backends.AdapterConfigRepository;
import net.defarm.domain.backends.AdapterConfig;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.shared.ConflictException;

/**
 * Adapter configurations held in memory. Writes take one lock until their unit of work ends, which keeps names
 * unique and the default single (the database does it with unique indexes).
 */
public final class InMemoryAdapterConfigRepository implements AdapterConfigRepository {

    private static final Comparator<AdapterConfig> ORDER = Comparator.comparing(AdapterConfig::createdAt)
            .thenComparing(AdapterConfig::configId);

    private final Map<UUID, AdapterConfig> configs = new ConcurrentHashMap<>();
    private final ReentrantLock writes = new ReentrantLock();
    private final InMemoryUnitOfWork uow;

    public InMemoryAdapterConfigRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void insert(AdapterConfig config) {
        lock();
        requireUniqueName(config);
        if (configs.putIfAbsent(config.configId(), config) != null) {
            throw new ConflictException("DUPLICATE_ADAPTER_CONFIG", "An adapter configuration with this id exists");
        }
        uow.onRollback(() -> configs.remove(config.configId(), config));
    }

    @Override
    public Optional<AdapterConfig> findById(UUID configId) {
        return Optional.ofNullable(configs.get(configId));
    }

    @Override
    public boolean update(AdapterConfig config) {
        lock();
        AdapterConfig before = configs.get(config.configId());
        if (before == null) {
            return false;
        }
        requireUniqueName(config);
        put(before, new AdapterConfig(before.configId(), config.name(), config.description(), before.adapterType(),
                config.connection(), config.contractConfigs(), config.active(), before.isDefault(),
                before.createdBy(), before.createdAt(), config.updatedAt()));
        return true;
    }

    @Override
    public boolean delete(UUID configId) {
        lock();
        AdapterConfig removed = configs.remove(configId);
        if (removed == null) {
            return false;
        }
        uow.onRollback(() -> configs.put(configId, removed));
        return true;
    }

    @Override
    public boolean setDefault(UUID configId) {
        lock();
        AdapterConfig chosen = configs.get(configId);
        if (chosen == null) {
            return false;
        }
        for (AdapterConfig c : List.copyOf(configs.values())) {
            if (c.isDefault() != c.configId().equals(configId)) {
                put(c, new AdapterConfig(c.configId(), c.name(), c.description(), c.adapterType(), c.connection(),
                        c.contractConfigs(), c.active(), !c.isDefault(), c.createdBy(), c.createdAt(),
                        c.updatedAt()));
            }
        }
        return true;
    }

    @Override
    public List<AdapterConfig> find(boolean activeOnly, Instant afterAt, UUID afterId, int limit) {
        return configs.values().stream()
                .filter(c -> !activeOnly || c.active())
                .filter(c -> afterAt == null || afterId == null || c.createdAt().isAfter(afterAt)
                        || c.createdAt().equals(afterAt) && c.configId().compareTo(afterId) > 0)
                .sorted(ORDER).limit(limit).toList();
    }

    @Override
    public List<AdapterConfig> findActive(AdapterType type, int limit) {
        return configs.values().stream().filter(c -> c.active() && c.adapterType().equals(type)).sorted(ORDER)
                .limit(limit).toList();
    }

    private void put(AdapterConfig before, AdapterConfig after) {
        configs.put(after.configId(), after);
        uow.onRollback(() -> configs.put(before.configId(), before));
    }

    private void requireUniqueName(AdapterConfig config) {
        boolean taken = configs.values().stream().anyMatch(c -> !c.configId().equals(config.configId())
                && c.name().equals(config.name()));
        if (taken) {
            throw new ConflictException("DUPLICATE_NAME", "An adapter configuration with this name already exists");
        }
    }

    /** Held until the unit of work ends; a write outside one applies at once, unguarded. */
    private void lock() {
        if (uow.inTransaction()) {
            uow.hold(writes);
        }
    }
}
