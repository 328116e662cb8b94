package net.defarm.adapters.postgres;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list: a SELECT with its first condition, the filters the query asks for, and the page
 * (rows after the cursor, in the cursor's order, at most a limit), with the parameters kept beside their SQL.
 */
final class PageQuery {

    private final StringBuilder sql;
    private final List<Object> params;

    /** {@code selectWhere} ends with the first condition (e.g. {@code ... WHERE owner_id = ?}). */
    PageQuery(String selectWhere, Object... params) {
        this.sql = new StringBuilder(selectWhere);
        this.params = new ArrayList<>(Arrays.asList(params));
    }

    /** Adds {@code AND condition} with the condition's parameters. */
    PageQuery and(String condition, Object... values) {
        sql.append(" AND ").append(condition);
        params.addAll(Arrays.asList(values));
        return this;
    }

    /** Runs the query ordered by {@code orderBy} (the cursor's columns) and limited to {@code limit} rows. */
    <T> List<T> page(PostgresDatabase db, String orderBy, int limit, Function<PgRow, T> mapper) {
        sql.append(" ORDER BY ").append(orderBy).append(" LIMIT ?");
        params.add(limit);
        return db.list(sql.toString(), mapper, params.toArray());
    }

    /** Runs the query grouped by {@code groupBy} (which may go on with ORDER BY and LIMIT), row by row. */
    void grouped(PostgresDatabase db, String groupBy, java.util.function.Consumer<PgRow> row) {
        sql.append(" GROUP BY ").append(groupBy);
        db.list(sql.toString(), r -> {
            row.accept(r);
            return Boolean.TRUE;
        }, params.toArray());
    }
}
