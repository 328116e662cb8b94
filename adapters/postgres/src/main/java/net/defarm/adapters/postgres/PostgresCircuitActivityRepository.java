package net.defarm.adapters.postgres;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import net.defarm.application.circuits.CircuitActivityRepository;
import net.defarm.domain.circuits.Activity;
import net.defarm.domain.circuits.CircuitOperation;

/** Circuit activity feeds in PostgreSQL; appending the same activity id twice stores it once. */
public final class PostgresCircuitActivityRepository implements CircuitActivityRepository {

    static final String SELECT = """
            SELECT activity_id, circuit_id, activity_type, circuit_name, dfids, user_id, occurred_at, status,
                   items_affected
              FROM circuit_activities""";

    private final PostgresDatabase db;

    public PostgresCircuitActivityRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void append(Activity a) {
        db.run(ex -> ex.insert("""
                INSERT INTO circuit_activities (activity_id, circuit_id, activity_type, circuit_name, dfids, user_id,
                                                occurred_at, status, items_affected)
                VALUES (?, CAST(? AS uuid), ?, ?, CAST(? AS text[]), ?, ?, ?, ?)
                ON CONFLICT (activity_id) DO NOTHING""",
                a.activityId(), a.circuitId(), a.type().wireName(), a.circuitName(),
                a.itemDfids().toArray(String[]::new), a.userId(), PgRows.at(a.timestamp()), a.status(),
                a.itemsAffected()));
    }

    @Override
    public List<Activity> find(UUID circuitId, ActivityKey after, int limit) {
        PageQuery q = new PageQuery(SELECT + " WHERE circuit_id = CAST(? AS uuid)", circuitId);
        if (after != null) {
            q.and("(occurred_at, activity_id) > (?, ?)", PgRows.at(after.timestamp()), after.activityId());
        }
        return q.page(db, "occurred_at, activity_id", limit, PostgresCircuitActivityRepository::toActivity);
    }

    @Override
    public List<Activity> findAcross(Collection<UUID> circuitIds, String userId, ActivityKey after, int limit) {
        if (circuitIds.isEmpty()) {
            return List.of();
        }
        PageQuery q = new PageQuery(SELECT + " WHERE circuit_id = ANY(CAST(? AS uuid[]))",
                (Object) circuitIds.stream().map(UUID::toString).toArray(String[]::new));
        if (userId != null) {
            q.and("user_id = ?", userId);
        }
        if (after != null) {
            q.and("(occurred_at, activity_id) > (?, ?)", PgRows.at(after.timestamp()), after.activityId());
        }
        return q.page(db, "occurred_at, activity_id", limit, PostgresCircuitActivityRepository::toActivity);
    }

    static Activity toActivity(PgRow r) {
        return new Activity(PgRows.text(r, "activity_id"),
                CircuitOperation.Type.fromWireName(PgRows.text(r, "activity_type")),
                PgRows.uuid(r, "circuit_id"), PgRows.text(r, "circuit_name"),
                Arrays.asList(PgRows.textArray(r, "dfids")), PgRows.text(r, "user_id"),
                PgRows.instant(r, "occurred_at"), PgRows.text(r, "status"), PgRows.intValue(r, "items_affected"));
    }
}
