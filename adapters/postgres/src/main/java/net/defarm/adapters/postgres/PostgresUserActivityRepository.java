package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.audit.UserActivityRepository;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.audit.UserActivity;

/** Users' activity logs in PostgreSQL: one JSON document per entry, indexed by user and time. */
public final class PostgresUserActivityRepository implements UserActivityRepository {

    static final String CURSOR = "user-activity";
    private static final String SELECT = "SELECT CAST(document AS text) AS document FROM user_activities WHERE true";

    private final PostgresDatabase db;

    public PostgresUserActivityRepository(PostgresDatabase db) {
        this.db = db;
    }

    private record Doc(UUID activityId, String userId, String workspaceId, String at, String activityType,
                       String category, String resourceType, String resourceId, String action, String description,
                       String metadata, boolean success, String ipAddress, String userAgent) {
    }

    @Override
    public void insert(UserActivity a) {
        Doc doc = new Doc(a.activityId(), a.userId(), a.workspaceId(), a.at().toString(), a.activityType(),
                a.category(), a.resourceType(), a.resourceId(), a.action(), a.description(),
                a.metadata().toCanonicalJson(), a.success(), a.ipAddress(), a.userAgent());
        db.run(ex -> ex.insert("INSERT INTO user_activities (activity_id, user_id, at, document) "
                + "VALUES (CAST(? AS uuid), ?, ?, CAST(? AS jsonb))", a.activityId(), a.userId(), PgRows.at(a.at()),
                PgRows.json(doc)));
    }

    @Override
    public Optional<UserActivity> find(UUID activityId) {
        return db.one(SELECT + " AND activity_id = CAST(? AS uuid)", r -> activity(PgRows.text(r, "document")),
                activityId);
    }

    @Override
    public Page<UserActivity> list(String userId, Filter f, PageRequest page) {
        PageQuery q = new PageQuery(SELECT + " AND user_id = ?", userId);
        if (f.category() != null) {
            q.and("document->>'category' = ?", f.category());
        }
        if (f.activityType() != null) {
            q.and("document->>'activity_type' = ?", f.activityType());
        }
        if (f.resourceType() != null) {
            q.and("document->>'resource_type' = ?", f.resourceType());
        }
        if (f.from() != null) {
            q.and("at >= ?", PgRows.at(f.from()));
        }
        if (f.to() != null) {
            q.and("at < ?", PgRows.at(f.to()));
        }
        if (f.search() != null) {
            String like = "%" + f.search().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            q.and("(lower(document->>'description') LIKE ? OR lower(document->>'action') LIKE ? "
                    + "OR lower(document->>'resource_id') LIKE ?)", like, like, like);
        }
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR, page.cursor(), 2);
            q.and("(at, activity_id) < (?, CAST(? AS uuid))", PgRows.at(Cursor.instantFromMicros(parts.get(0))),
                    Cursor.uuid(parts.get(1)));
        }
        List<UserActivity> rows = q.page(db, "at DESC, activity_id DESC", page.limit() + 1,
                r -> activity(PgRows.text(r, "document")));
        return Page.of(rows, page.limit(), a -> Cursor.encode(CURSOR, Cursor.micros(a.at()),
                a.activityId().toString()));
    }

    @Override
    public List<UserActivity> period(String userId, Instant from, Instant to, int limit) {
        return db.list(SELECT + " AND user_id = ? AND at >= ? AND at < ? ORDER BY at LIMIT ?",
                r -> activity(PgRows.text(r, "document")), userId, PgRows.at(from), PgRows.at(to), limit);
    }

    @Override
    public long deleteBefore(Instant before) {
        return db.run(ex -> ex.delete("DELETE FROM user_activities WHERE at < ?", PgRows.at(before)));
    }

    private static UserActivity activity(String json) {
        Doc d = PgRows.read(json, new TypeReference<Doc>() { });
        return new UserActivity(d.activityId(), d.userId(), d.workspaceId(), Instant.parse(d.at()), d.activityType(),
                d.category(), d.resourceType(), d.resourceId(), d.action(), d.description(),
                d.metadata() == null ? null : PgRows.parse(d.metadata()), d.success(), d.ipAddress(), d.userAgent());
    }
}
