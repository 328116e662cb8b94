package net.defarm.adapters.postgres;

import io.helidon.dbclient.DbRow;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import net.defarm.application.events.MemberCircuits;

/** The circuits a user belongs to (the owner is always a member row). */
public final class PostgresMemberCircuits implements MemberCircuits {

    private final PostgresDatabase db;

    public PostgresMemberCircuits(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public Set<UUID> circuitsOf(String userId) {
        return db.run(ex -> {
            try (Stream<DbRow> rows = ex.query("SELECT circuit_id FROM circuit_members WHERE member_id = ? LIMIT ?",
                    userId, MAX)) {
                Set<UUID> ids = new HashSet<>();
                rows.forEach(r -> ids.add(PgRows.uuid(r, "circuit_id")));
                return ids;
            }
        });
    }
}
