package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.circuits.CircuitOperationRepository;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;

/** Circuit operations in PostgreSQL. */
public final class PostgresCircuitOperationRepository implements CircuitOperationRepository {

    static final String SELECT = """
            SELECT operation_id, circuit_id, dfid, operation_type, requester_id, occurred_at, status,
                   CAST(metadata AS text) AS metadata, version
              FROM circuit_operations""";

    private final PostgresDatabase db;

    public PostgresCircuitOperationRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public CircuitOperation insert(CircuitOperation o) {
        db.run(ex -> ex.insert("""
                INSERT INTO circuit_operations (operation_id, circuit_id, dfid, operation_type, requester_id,
                                                occurred_at, status, metadata, version)
                VALUES (CAST(? AS uuid), CAST(? AS uuid), ?, ?, ?, ?, ?, CAST(? AS jsonb), 1)""",
                o.operationId(), o.circuitId(), o.dfid(), o.type().wireName(), o.requesterId(),
                PgRows.at(o.timestamp()), o.status().wireName(), PgRows.json(o.metadata())));
        return o.atVersion(1);
    }

    @Override
    public Optional<CircuitOperation> findById(UUID operationId) {
        return db.one(SELECT + " WHERE operation_id = CAST(? AS uuid)",
                PostgresCircuitOperationRepository::toOperation, operationId);
    }

    @Override
    public CircuitOperation update(CircuitOperation o) {
        long updated = db.run(ex -> ex.update("""
                UPDATE circuit_operations SET status = ?, metadata = CAST(? AS jsonb), version = version + 1
                 WHERE operation_id = CAST(? AS uuid) AND version = ?""",
                o.status().wireName(), PgRows.json(o.metadata()), o.operationId(), o.version()));
        if (updated == 0) {
            throw findById(o.operationId()).isPresent() ? new StaleUpdateException("Operation " + o.operationId())
                    : new NotFoundException("OPERATION_NOT_FOUND", "Operation not found");
        }
        return o.atVersion(o.version() + 1);
    }

    @Override
    public List<CircuitOperation> find(UUID circuitId, CircuitOperation.Status status, OperationKey after,
                                       int limit) {
        PageQuery q = new PageQuery(SELECT + " WHERE circuit_id = CAST(? AS uuid)", circuitId);
        if (status != null) {
            q.and("status = ?", status.wireName());
        }
        if (after != null) {
            q.and("(occurred_at, operation_id) > (?, CAST(? AS uuid))", PgRows.at(after.timestamp()),
                    after.operationId());
        }
        return q.page(db, "occurred_at, operation_id", limit, PostgresCircuitOperationRepository::toOperation);
    }

    static CircuitOperation toOperation(PgRow r) {
        return new CircuitOperation(PgRows.uuid(r, "operation_id"), PgRows.uuid(r, "circuit_id"),
                PgRows.text(r, "dfid"), CircuitOperation.Type.fromWireName(PgRows.text(r, "operation_type")),
                PgRows.text(r, "requester_id"),
                PgRows.instant(r, "occurred_at"), CircuitOperation.Status.fromWireName(PgRows.text(r, "status")),
                PgRows.read(PgRows.text(r, "metadata"), new TypeReference<Map<String, String>>() { }),
                PgRows.longValue(r, "version"));
    }
}
