package net.defarm.adapters.memory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.identity.ApiKeyRepository;
import net.defarm.application.identity.KeyDailyUsage;
import net.defarm.domain.access.ApiKey;

/** API keys held in memory, indexed by id and by hash. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {

    private record Day(UUID keyId, LocalDate day) {
    }

    private final Map<UUID, ApiKey> keys = new ConcurrentHashMap<>();
    private final Map<String, UUID> byHash = new ConcurrentHashMap<>();
    private final Map<Day, KeyDailyUsage> daily = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryApiKeyRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void insert(ApiKey key) {
        if (keys.putIfAbsent(key.id(), key) != null || byHash.putIfAbsent(key.keyHash(), key.id()) != null) {
            throw new IllegalStateException("an API key with this id or hash already exists");
        }
        uow.onRollback(() -> {
            keys.remove(key.id());
            byHash.remove(key.keyHash(), key.id());
        });
    }

    @Override
    public Optional<ApiKey> findById(UUID id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return Optional.ofNullable(byHash.get(keyHash)).map(keys::get);
    }

    @Override
    public List<ApiKey> findByOwner(String ownerId, boolean includeInactive) {
        return keys.values().stream().filter(k -> k.ownerId().equals(ownerId) && (includeInactive || k.active()))
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id)).toList();
    }

    @Override
    public boolean update(ApiKey key) {
        ApiKey[] before = new ApiKey[1];
        // Usage counters are not the owner's to write: keep what is stored.
        ApiKey stored = keys.computeIfPresent(key.id(), (id, old) -> {
            before[0] = old;
            return new ApiKey(old.id(), old.ownerId(), key.name(), old.keyPrefix(), old.keyHash(),
                    old.organizationType(), old.organizationId(), key.permissions(), old.allowedEndpoints(),
                    old.allowedIps(), key.rateLimitPerHour(), key.notes(), key.active(), old.createdAt(),
                    old.expiresAt(), old.lastUsedAt(), old.usageCount());
        });
        if (stored == null) {
            return false;
        }
        uow.onRollback(() -> keys.replace(key.id(), stored, before[0]));
        return true;
    }

    @Override
    public boolean delete(UUID id) {
        ApiKey removed = keys.remove(id);
        if (removed == null) {
            return false;
        }
        byHash.remove(removed.keyHash(), id);
        uow.onRollback(() -> {
            keys.put(id, removed);
            byHash.put(removed.keyHash(), id);
        });
        return true;
    }

    @Override
    public void addUsage(List<UsageDelta> deltas) {
        for (UsageDelta d : deltas) {
            ApiKey after = keys.computeIfPresent(d.keyId(), (id, k) -> new ApiKey(k.id(), k.ownerId(), k.name(),
                    k.keyPrefix(), k.keyHash(), k.organizationType(), k.organizationId(), k.permissions(),
                    k.allowedEndpoints(), k.allowedIps(), k.rateLimitPerHour(), k.notes(), k.active(),
                    k.createdAt(), k.expiresAt(), k.lastUsedAt() == null || d.lastUsedAt().isAfter(k.lastUsedAt())
                            ? d.lastUsedAt() : k.lastUsedAt(), k.usageCount() + d.requests()));
            if (after != null) {
                daily.merge(new Day(d.keyId(), d.day()), new KeyDailyUsage(d.day(), d.requests(), d.errors(),
                        d.latencyMillis()), (a, b) -> new KeyDailyUsage(a.day(), a.requests() + b.requests(),
                        a.errors() + b.errors(), a.latencyMillis() + b.latencyMillis()));
            }
        }
    }

    @Override
    public List<KeyDailyUsage> dailyUsage(UUID keyId, LocalDate from) {
        return daily.entrySet().stream()
                .filter(e -> e.getKey().keyId().equals(keyId) && !e.getKey().day().isBefore(from))
                .map(Map.Entry::getValue).sorted(Comparator.comparing(KeyDailyUsage::day)).toList();
    }
}
