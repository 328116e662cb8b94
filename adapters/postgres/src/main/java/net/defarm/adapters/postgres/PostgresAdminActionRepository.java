package net.defarm.adapters.postgres;

import java.util.List;
import net.defarm.application.admin.AdminActionRepository;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.admin.AdminAction;

/** Admin actions in PostgreSQL: inserted only (a trigger refuses updates and deletes), read newest first. */
public final class PostgresAdminActionRepository implements AdminActionRepository {

    static final String CURSOR = "admin-actions";
    private static final String SELECT = """
            SELECT action_id, admin_id, action, target_id, CAST(before_state AS text) AS before_state,
                   CAST(after_state AS text) AS after_state, performed_at, request_id
              FROM admin_actions WHERE true""";

    private final PostgresDatabase db;

    public PostgresAdminActionRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void record(AdminAction a) {
        db.run(ex -> ex.insert("""
                INSERT INTO admin_actions (action_id, admin_id, action, target_id, before_state, after_state,
                                           performed_at, request_id)
                VALUES (CAST(? AS uuid), ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?)""",
                a.actionId(), a.adminId(), a.action(), a.targetId(), a.before().toCanonicalJson(),
                a.after().toCanonicalJson(), PgRows.at(a.performedAt()), a.requestId()));
    }

    @Override
    public Page<AdminAction> list(String adminId, PageRequest page) {
        PageQuery query = new PageQuery(SELECT);
        if (adminId != null) {
            query.and("admin_id = ?", adminId);
        }
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR, page.cursor(), 2);
            query.and("(performed_at, action_id) < (?, CAST(? AS uuid))",
                    PgRows.at(Cursor.instantFromMicros(parts.get(0))), Cursor.uuid(parts.get(1)));
        }
        List<AdminAction> rows = query.page(db, "performed_at DESC, action_id DESC", page.limit() + 1,
                PostgresAdminActionRepository::action);
        return Page.of(rows, page.limit(), a -> Cursor.encode(CURSOR, Cursor.micros(a.performedAt()),
                a.actionId().toString()));
    }

    private static AdminAction action(PgRow r) {
        return new AdminAction(PgRows.uuid(r, "action_id"), PgRows.text(r, "admin_id"), PgRows.text(r, "action"),
                PgRows.text(r, "target_id"), PgRows.parse(PgRows.text(r, "before_state")),
                PgRows.parse(PgRows.text(r, "after_state")), PgRows.instant(r, "performed_at"),
                PgRows.text(r, "request_id"));
    }
}
