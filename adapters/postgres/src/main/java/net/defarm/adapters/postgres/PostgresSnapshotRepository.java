package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.defarm.adapters.json.DomainJsonModule;
import net.defarm.application.integrity.SnapshotRepository;
import net.defarm.domain.integrity.SnapshotOperation;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.integrity.StateSnapshot.EntityType;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/** Snapshot chains in PostgreSQL; an advisory lock per entity serializes appends to one chain. */
public final class PostgresSnapshotRepository implements SnapshotRepository {

    static final String SELECT = """
            SELECT snapshot_id, entity_type, entity_id, version, parent_hash, state, operation,
                   CAST(operation_metadata AS text) AS operation_metadata, occurred_at, created_by
              FROM snapshots""";

    private final PostgresDatabase db;

    public PostgresSnapshotRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void lock(EntityType type, String entityId) {
        if (db.current() == null) {
            throw new IllegalStateException("snapshot chains are only locked inside a transaction");
        }
        db.run(ex -> ex.get("SELECT pg_advisory_xact_lock(?) AS locked",
                PostgresItemRepository.lockKey("snapshot:" + type.text(), entityId)));
    }

    @Override
    public Optional<StateSnapshot> latest(EntityType type, String entityId) {
        return db.one(SELECT + " WHERE entity_type = ? AND entity_id = ? ORDER BY version DESC LIMIT 1",
                PostgresSnapshotRepository::toSnapshot, type.text(), entityId);
    }

    @Override
    public Optional<StateSnapshot> findById(String snapshotId) {
        return db.one(SELECT + " WHERE snapshot_id = ?", PostgresSnapshotRepository::toSnapshot, snapshotId);
    }

    @Override
    public void insert(StateSnapshot s) {
        long inserted = db.run(ex -> ex.insert("""
                INSERT INTO snapshots (snapshot_id, entity_type, entity_id, version, parent_hash, state, operation,
                                       operation_metadata, occurred_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                ON CONFLICT DO NOTHING""",
                s.snapshotId(), s.entityType().text(), s.entityId(), s.version(), s.parentHash(),
                s.state().toCanonicalJson(), s.operation().toJson(), PgRows.json(s.operationMetadata()),
                PgRows.at(s.timestamp()), s.createdBy()));
        if (inserted == 0) {
            throw new ConflictException("SNAPSHOT_VERSION_TAKEN", "Snapshot version " + s.version() + " of "
                    + s.entityId() + " already exists");
        }
    }

    @Override
    public List<StateSnapshot> find(EntityType type, String entityId, long afterVersion, int limit) {
        return db.list(SELECT + " WHERE entity_type = ? AND entity_id = ? AND version > ? ORDER BY version LIMIT ?",
                PostgresSnapshotRepository::toSnapshot, type.text(), entityId, afterVersion, limit);
    }

    static StateSnapshot toSnapshot(PgRow r) {
        JsonNode operation = PgRows.tree(PgRows.text(r, "operation"));
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        operation.properties().forEach(e -> {
            if (!e.getKey().equals("type")) {
                fields.put(e.getKey(), DomainJsonModule.fromNode(e.getValue()));
            }
        });
        return new StateSnapshot(PgRows.text(r, "snapshot_id"), EntityType.fromText(PgRows.text(r, "entity_type")),
                PgRows.text(r, "entity_id"), PgRows.longValue(r, "version"), PgRows.text(r, "parent_hash"),
                (JsonObject) PgRows.parse(PgRows.text(r, "state")),
                new SnapshotOperation(operation.path("type").asText(), fields),
                PgRows.read(PgRows.text(r, "operation_metadata"), new TypeReference<Map<String, String>>() { }),
                PgRows.instant(r, "occurred_at"), PgRows.text(r, "created_by"));
    }
}
