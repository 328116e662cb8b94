package net.defarm.application.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.access.ApiKey;

/** Stored API keys (hashes only) and their usage counters, as flushed by each instance. */
@OutboundPort
public interface ApiKeyRepository {

    /** Usage an instance gathered since its last flush, to be added to what is stored. */
    record UsageDelta(UUID keyId, LocalDate day, long requests, long errors, long latencyMillis, Instant lastUsedAt) {
    }

    void insert(ApiKey key);

    Optional<ApiKey> findById(UUID id);

    /** The key whose full text hashes to {@code keyHash}: one indexed lookup, made on every keyed request. */
    Optional<ApiKey> findByHash(String keyHash);

    /** The owner's keys, oldest first; inactive ones only when asked. */
    List<ApiKey> findByOwner(String ownerId, boolean includeInactive);

    /** Writes the owner-editable fields (name, permissions, active, rate limit, notes); false if the key is gone. */
    boolean update(ApiKey key);

    boolean delete(UUID id);

    /** Adds the deltas to the keys' counters and daily rows; deltas of deleted keys are dropped. */
    void addUsage(List<UsageDelta> deltas);

    /** The key's daily rows from {@code from} on, oldest first. */
    List<KeyDailyUsage> dailyUsage(UUID keyId, LocalDate from);
}
