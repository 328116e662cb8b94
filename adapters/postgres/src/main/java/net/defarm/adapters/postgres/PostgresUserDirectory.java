package net.defarm.adapters.postgres;

import java.time.Instant;
import java.util.List;
import net.defarm.application.admin.UserCounts;
import net.defarm.application.admin.UserDirectory;
import net.defarm.application.admin.UserFilter;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;

/**
 * Administration reads over {@code user_accounts}: keyset pages in creation order (index
 * {@code user_accounts_created}), and the dashboard's counts in one grouped query.
 */
public final class PostgresUserDirectory implements UserDirectory {

    static final String CURSOR = "admin-users";

    private record Group(UserTier tier, AccountStatus status, long count, long signedIn, long created) {
    }

    private final PostgresDatabase db;

    public PostgresUserDirectory(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public Page<UserAccount> list(UserFilter f, PageRequest page) {
        PageQuery query = new PageQuery(PostgresUserAccountRepository.SELECT + " WHERE true");
        if (f.username() != null) {
            query.and("strpos(lower(username), lower(?)) > 0", f.username());
        }
        if (f.email() != null) {
            query.and("strpos(lower(email), lower(?)) > 0", f.email());
        }
        if (f.tier() != null) {
            query.and("tier = ?", f.tier().display());
        }
        if (f.status() != null) {
            query.and("status = ?", f.status().display());
        }
        if (f.admin() != null) {
            query.and("is_admin = ?", f.admin());
        }
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR, page.cursor(), 2);
            var at = PgRows.at(Cursor.instantFromMicros(parts.get(0)));
            query.and("(created_at > ? OR created_at = ? AND user_id COLLATE \"C\" > ?)", at, at, parts.get(1));
        }
        List<UserAccount> rows = query.page(db, "created_at, user_id COLLATE \"C\"", page.limit() + 1,
                PostgresUserAccountRepository::toAccount);
        return Page.of(rows, page.limit(), a -> Cursor.encode(CURSOR, Cursor.micros(a.createdAt()), a.userId()));
    }

    @Override
    public UserCounts counts(Instant since) {
        var from = PgRows.at(since);
        List<Group> groups = db.list("""
                SELECT tier, status, count(*) AS n, count(*) FILTER (WHERE last_login >= ?) AS signed_in,
                       count(*) FILTER (WHERE created_at >= ?) AS created
                  FROM user_accounts GROUP BY tier, status""",
                r -> new Group(UserTier.fromDisplay(PgRows.text(r, "tier")),
                        AccountStatus.fromDisplay(PgRows.text(r, "status")), PgRows.longValue(r, "n"),
                        PgRows.longValue(r, "signed_in"), PgRows.longValue(r, "created")), from, from);
        UserCounts counts = UserCounts.zero();
        for (Group g : groups) {
            counts = counts.plus(g.tier(), g.status(), g.count(), g.signedIn(), g.created());
        }
        return counts;
    }
}
