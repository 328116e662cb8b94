package net.defarm.adapters.postgres;

import net.defarm.application.items.ItemSharing;

/** An item is shared with a user when it sits in a circuit the user belongs to (one indexed query). */
public final class PostgresItemSharing implements ItemSharing {

    private final PostgresDatabase db;

    public PostgresItemSharing(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public boolean isSharedWith(String dfid, String userId) {
        return db.run(ex -> ex.get("""
                SELECT 1 FROM circuit_items ci JOIN circuit_members m ON m.circuit_id = ci.circuit_id
                 WHERE ci.dfid = ? AND m.member_id = ? LIMIT 1""", dfid, userId).isPresent());
    }
}
