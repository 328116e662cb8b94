package net.defarm.adapters.postgres;

import java.util.Optional;
import net.defarm.application.audit.AuditorRoles;

/** Auditor grants in PostgreSQL. */
public final class PostgresAuditorRoles implements AuditorRoles {

    private final PostgresDatabase db;

    public PostgresAuditorRoles(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public boolean isAuditor(String userId) {
        return grantedBy(userId).isPresent();
    }

    @Override
    public void set(String userId, boolean auditor, String grantedBy) {
        if (auditor) {
            db.run(ex -> ex.insert("INSERT INTO audit_auditors (user_id, granted_by) VALUES (?, ?) "
                    + "ON CONFLICT (user_id) DO UPDATE SET granted_by = EXCLUDED.granted_by", userId, grantedBy));
        } else {
            db.run(ex -> ex.delete("DELETE FROM audit_auditors WHERE user_id = ?", userId));
        }
    }

    @Override
    public Optional<String> grantedBy(String userId) {
        return db.one("SELECT granted_by FROM audit_auditors WHERE user_id = ?", r -> PgRows.text(r, "granted_by"),
                userId);
    }
}
