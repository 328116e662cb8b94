package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import io.helidon.dbclient.DbRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import net.defarm.application.identity.ApiKeyRepository;
import net.defarm.application.identity.KeyDailyUsage;
import net.defarm.domain.access.ApiKey;
import net.defarm.domain.access.ApiKeyPermissions;
import net.defarm.domain.access.OrganizationType;

/** API keys in PostgreSQL: looked up by the unique index on their hash. */
public final class PostgresApiKeyRepository implements ApiKeyRepository {

    private static final String SELECT = """
            SELECT key_id, owner_id, name, key_prefix, key_hash, organization_type, organization_id,
                   CAST(permissions AS text) AS permissions, CAST(allowed_endpoints AS text) AS allowed_endpoints,
                   CAST(allowed_ips AS text) AS allowed_ips, rate_limit_per_hour, notes, is_active, created_at,
                   expires_at, last_used_at, usage_count
              FROM api_keys""";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final PostgresDatabase db;

    public PostgresApiKeyRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(ApiKey k) {
        db.run(ex -> ex.insert("""
                INSERT INTO api_keys (key_id, owner_id, name, key_prefix, key_hash, organization_type,
                                      organization_id, permissions, allowed_endpoints, allowed_ips,
                                      rate_limit_per_hour, notes, is_active, created_at, expires_at, last_used_at,
                                      usage_count)
                VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb),
                        ?, ?, ?, ?, ?, ?, ?)""",
                k.id(), k.ownerId(), k.name(), k.keyPrefix(), k.keyHash(), k.organizationType().name(),
                k.organizationId(), PgRows.json(k.permissions()), PgRows.json(k.allowedEndpoints()),
                PgRows.json(k.allowedIps()), k.rateLimitPerHour(), k.notes(), k.active(), PgRows.at(k.createdAt()),
                k.expiresAt() == null ? null : PgRows.at(k.expiresAt()),
                k.lastUsedAt() == null ? null : PgRows.at(k.lastUsedAt()), k.usageCount()));
    }

    @Override
    public Optional<ApiKey> findById(UUID id) {
        return db.one(SELECT + " WHERE key_id = CAST(? AS uuid)", PostgresApiKeyRepository::key, id);
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return db.one(SELECT + " WHERE key_hash = ?", PostgresApiKeyRepository::key, keyHash);
    }

    @Override
    public List<ApiKey> findByOwner(String ownerId, boolean includeInactive) {
        String sql = SELECT + " WHERE owner_id = ?" + (includeInactive ? "" : " AND is_active")
                + " ORDER BY created_at, key_id";
        return db.list(sql, PostgresApiKeyRepository::key, ownerId);
    }

    @Override
    public boolean update(ApiKey k) {
        return db.run(ex -> ex.update("""
                UPDATE api_keys SET name = ?, permissions = CAST(? AS jsonb), is_active = ?, rate_limit_per_hour = ?,
                                    notes = ?
                 WHERE key_id = CAST(? AS uuid)""",
                k.name(), PgRows.json(k.permissions()), k.active(), k.rateLimitPerHour(), k.notes(), k.id())) > 0;
    }

    @Override
    public boolean delete(UUID id) {
        return db.run(ex -> ex.delete("DELETE FROM api_keys WHERE key_id = CAST(? AS uuid)", id)) > 0;
    }

    @Override
    public void addUsage(List<UsageDelta> deltas) {
        db.run(ex -> {
            for (UsageDelta d : deltas) {
                long updated = ex.update("""
                        UPDATE api_keys SET usage_count = usage_count + ?, last_used_at = GREATEST(last_used_at, ?)
                         WHERE key_id = CAST(? AS uuid)""", d.requests(), PgRows.at(d.lastUsedAt()), d.keyId());
                if (updated > 0) {
                    ex.insert("""
                            INSERT INTO api_key_daily_usage (key_id, day, requests, errors, latency_ms)
                            VALUES (CAST(? AS uuid), CAST(? AS date), ?, ?, ?)
                            ON CONFLICT (key_id, day) DO UPDATE
                               SET requests = api_key_daily_usage.requests + EXCLUDED.requests,
                                   errors = api_key_daily_usage.errors + EXCLUDED.errors,
                                   latency_ms = api_key_daily_usage.latency_ms + EXCLUDED.latency_ms""",
                            d.keyId(), d.day().toString(), d.requests(), d.errors(), d.latencyMillis());
                }
            }
            return null;
        });
    }

    @Override
    public List<KeyDailyUsage> dailyUsage(UUID keyId, LocalDate from) {
        return db.list("""
                SELECT CAST(day AS text) AS day, requests, errors, latency_ms FROM api_key_daily_usage
                 WHERE key_id = CAST(? AS uuid) AND day >= CAST(? AS date) ORDER BY day""",
                r -> new KeyDailyUsage(LocalDate.parse(PgRows.text(r, "day")),
                        PgRows.longValue(r, "requests"), PgRows.longValue(r, "errors"),
                        PgRows.longValue(r, "latency_ms")), keyId, from.toString());
    }

    private static ApiKey key(PgRow r) {
        return new ApiKey(PgRows.uuid(r, "key_id"), PgRows.text(r, "owner_id"), PgRows.text(r, "name"),
                PgRows.text(r, "key_prefix"), PgRows.text(r, "key_hash"),
                OrganizationType.parse(PgRows.text(r, "organization_type")), PgRows.text(r, "organization_id"),
                PgRows.read(PgRows.text(r, "permissions"), new TypeReference<ApiKeyPermissions>() {
                }), PgRows.read(PgRows.text(r, "allowed_endpoints"), STRINGS),
                PgRows.read(PgRows.text(r, "allowed_ips"), STRINGS), PgRows.intValue(r, "rate_limit_per_hour"),
                PgRows.text(r, "notes"), PgRows.bool(r, "is_active"), PgRows.instant(r, "created_at"),
                PgRows.instant(r, "expires_at"), PgRows.instant(r, "last_used_at"), PgRows.longValue(r, "usage_count"));
    }
}
