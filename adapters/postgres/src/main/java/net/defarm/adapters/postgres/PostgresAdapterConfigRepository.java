package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.backends.AdapterConfigRepository;
import net.defarm.domain.backends.AdapterConfig;
import net.defarm.domain.backends.ConnectionDetails;
import net.defarm.domain.backends.ContractConfigs;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.shared.ConflictException;

/**
 * Adapter configurations in PostgreSQL. The connection details are a jsonb document whose secrets are already
 * sealed; a unique index keeps names unique and a partial unique index keeps a single default.
 */
public final class PostgresAdapterConfigRepository implements AdapterConfigRepository {

    private static final String SELECT = """
            SELECT config_id, name, description, adapter_type, CAST(connection_details AS text) AS connection_details,
                   CAST(contract_configs AS text) AS contract_configs, is_active, is_default, created_by, created_at,
                   updated_at
              FROM adapter_configs""";

    private final PostgresDatabase db;

    public PostgresAdapterConfigRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(AdapterConfig c) {
        guard(() -> db.run(ex -> ex.insert("""
                INSERT INTO adapter_configs (config_id, name, description, adapter_type, connection_details,
                                             contract_configs, is_active, is_default, created_by, created_at,
                                             updated_at)
                VALUES (CAST(? AS uuid), ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?)""",
                c.configId(), c.name(), c.description(), c.adapterType().wireName(), PgRows.json(c.connection()),
                c.contractConfigs() == null ? null : PgRows.json(c.contractConfigs()), c.active(), c.isDefault(),
                c.createdBy(), PgRows.at(c.createdAt()), PgRows.at(c.updatedAt()))));
    }

    @Override
    public Optional<AdapterConfig> findById(UUID configId) {
        return db.one(SELECT + " WHERE config_id = CAST(? AS uuid)", PostgresAdapterConfigRepository::config,
                configId);
    }

    @Override
    public boolean update(AdapterConfig c) {
        return guard(() -> db.run(ex -> ex.update("""
                UPDATE adapter_configs SET name = ?, description = ?, connection_details = CAST(? AS jsonb),
                                           contract_configs = CAST(? AS jsonb), is_active = ?, updated_at = ?
                 WHERE config_id = CAST(? AS uuid)""",
                c.name(), c.description(), PgRows.json(c.connection()),
                c.contractConfigs() == null ? null : PgRows.json(c.contractConfigs()), c.active(),
                PgRows.at(c.updatedAt()), c.configId()))) > 0;
    }

    @Override
    public boolean delete(UUID configId) {
        return db.run(ex -> ex.delete("DELETE FROM adapter_configs WHERE config_id = CAST(? AS uuid)", configId)) > 0;
    }

    @Override
    public boolean setDefault(UUID configId) {
        return db.atomically(ex -> {
            if (ex.get("SELECT 1 FROM adapter_configs WHERE config_id = CAST(? AS uuid) FOR UPDATE", configId)
                    .isEmpty()) {
                return false;
            }
            // Clear first: the partial unique index is checked row by row.
            ex.update("UPDATE adapter_configs SET is_default = false WHERE is_default AND config_id <> CAST(? AS uuid)",
                    configId);
            ex.update("UPDATE adapter_configs SET is_default = true WHERE config_id = CAST(? AS uuid)", configId);
            return true;
        });
    }

    @Override
    public List<AdapterConfig> find(boolean activeOnly, Instant afterAt, UUID afterId, int limit) {
        String active = activeOnly ? " AND is_active" : "";
        if (afterAt == null || afterId == null) {
            return db.list(SELECT + " WHERE true" + active + " ORDER BY created_at, config_id LIMIT ?",
                    PostgresAdapterConfigRepository::config, limit);
        }
        return db.list(SELECT + " WHERE (created_at, config_id) > (?, CAST(? AS uuid))" + active
                + " ORDER BY created_at, config_id LIMIT ?", PostgresAdapterConfigRepository::config,
                PgRows.at(afterAt), afterId, limit);
    }

    @Override
    public List<AdapterConfig> findActive(AdapterType type, int limit) {
        return db.list(SELECT + " WHERE is_active AND adapter_type = ? ORDER BY created_at, config_id LIMIT ?",
                PostgresAdapterConfigRepository::config, type.wireName(), limit);
    }

    private static <T> T guard(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (PostgresDatabase.sqlState(e).equals("23505")) {
                throw new ConflictException("DUPLICATE_NAME",
                        "An adapter configuration with this name already exists");
            }
            throw e;
        }
    }

    private static AdapterConfig config(PgRow r) {
        String contracts = PgRows.text(r, "contract_configs");
        return new AdapterConfig(PgRows.uuid(r, "config_id"), PgRows.text(r, "name"), PgRows.text(r, "description"),
                AdapterType.parse(PgRows.text(r, "adapter_type")).orElseThrow(
                        () -> new IllegalStateException("unknown adapter type stored")),
                PgRows.read(PgRows.text(r, "connection_details"), new TypeReference<ConnectionDetails>() {
                }), contracts == null ? null : PgRows.read(contracts, new TypeReference<ContractConfigs>() {
                }), PgRows.bool(r, "is_active"), PgRows.bool(r, "is_default"), PgRows.text(r, "created_by"),
                PgRows.instant(r, "created_at"), PgRows.instant(r, "updated_at"));
    }
}
