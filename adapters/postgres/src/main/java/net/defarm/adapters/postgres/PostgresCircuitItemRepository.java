package net.defarm.adapters.postgres;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.circuits.CircuitItemRepository;
import net.defarm.domain.circuits.CircuitItem;

/** Circuit items in PostgreSQL. */
public final class PostgresCircuitItemRepository implements CircuitItemRepository {

    private final PostgresDatabase db;

    public PostgresCircuitItemRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void put(CircuitItem item) {
        db.run(ex -> ex.insert("""
                INSERT INTO circuit_items (circuit_id, dfid, pushed_by, pushed_at) VALUES (CAST(? AS uuid), ?, ?, ?)
                ON CONFLICT (circuit_id, dfid) DO UPDATE SET pushed_by = excluded.pushed_by,
                                                             pushed_at = excluded.pushed_at""",
                item.circuitId(), item.dfid(), item.pushedBy(), PgRows.at(item.pushedAt())));
    }

    @Override
    public boolean remove(UUID circuitId, String dfid) {
        return db.run(ex -> ex.delete("DELETE FROM circuit_items WHERE circuit_id = CAST(? AS uuid) AND dfid = ?",
                circuitId, dfid)) > 0;
    }

    @Override
    public boolean contains(UUID circuitId, String dfid) {
        return db.one("SELECT 1 FROM circuit_items WHERE circuit_id = CAST(? AS uuid) AND dfid = ?",
                r -> Boolean.TRUE, circuitId, dfid).isPresent();
    }

    @Override
    public Optional<CircuitItem> entry(UUID circuitId, String dfid) {
        return db.one("SELECT circuit_id, dfid, pushed_by, pushed_at FROM circuit_items"
                + " WHERE circuit_id = CAST(? AS uuid) AND dfid = ?", PostgresCircuitItemRepository::toCircuitItem,
                circuitId, dfid);
    }

    @Override
    public long count(UUID circuitId) {
        return db.one("SELECT count(*) AS n FROM circuit_items WHERE circuit_id = CAST(? AS uuid)",
                r -> PgRows.longValue(r, "n"), circuitId).orElse(0L);
    }

    @Override
    public List<UUID> circuitsContaining(String dfid, int limit) {
        return db.list("SELECT circuit_id FROM circuit_items WHERE dfid = ? LIMIT ?", r -> PgRows.uuid(r, "circuit_id"),
                dfid, limit);
    }

    @Override
    public List<CircuitItem> find(UUID circuitId, ItemKey after, int limit) {
        PageQuery q = new PageQuery(
                "SELECT circuit_id, dfid, pushed_by, pushed_at FROM circuit_items WHERE circuit_id = CAST(? AS uuid)",
                circuitId);
        if (after != null) {
            q.and("(pushed_at, dfid) > (?, ?)", PgRows.at(after.pushedAt()), after.dfid());
        }
        return q.page(db, "pushed_at, dfid", limit, PostgresCircuitItemRepository::toCircuitItem);
    }

    static CircuitItem toCircuitItem(PgRow r) {
        return new CircuitItem(PgRows.uuid(r, "circuit_id"), PgRows.text(r, "dfid"), PgRows.text(r, "pushed_by"),
                PgRows.instant(r, "pushed_at"));
    }
}
