package net.defarm.adapters.postgres;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.events.MemberCircuits;

/** The circuits a user belongs to (the owner is always a member row). */
public final class PostgresMemberCircuits implements MemberCircuits {

    private final PostgresDatabase db;

    public PostgresMemberCircuits(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public Set<UUID> circuitsOf(String userId) {
        return new HashSet<>(db.list("SELECT circuit_id FROM circuit_members WHERE member_id = ? LIMIT ?",
                r -> PgRows.uuid(r, "circuit_id"), userId, MAX));
    }
}
