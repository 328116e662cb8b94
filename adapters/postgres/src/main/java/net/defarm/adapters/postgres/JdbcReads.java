package net.defarm.adapters.postgres;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A query run on a JDBC connection, its rows read eagerly. Parameters are bound as Helidon's client binds them
 * (a UUID as text, a null untyped, java.time values as objects), so the same SQL runs the same way on both paths.
 * Nothing is prepared on the server unless the driver decides to (prepareThreshold, 0 behind a transaction pooler).
 */
final class JdbcReads {

    /** A failed read, carrying the driver's exception (its SQL state drives the translation). */
    static final class ReadFailure extends RuntimeException {
        ReadFailure(String sql, SQLException cause) {
            super("statement failed: " + cause.getMessage() + " [" + sql + "]", cause);
        }
    }

    private JdbcReads() {
    }

    /** At most {@code max} rows of the query. */
    static List<PgRow> rows(Connection c, String sql, int max, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                bind(ps, i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<PgRow> rows = new ArrayList<>();
                Map<String, Integer> columns = null;
                while (rows.size() < max && rs.next()) {
                    if (columns == null) {
                        columns = PgRow.columns(rs);
                    }
                    rows.add(PgRow.read(rs, columns));
                }
                return rows;
            }
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case String s -> ps.setString(index, s);
            case Integer n -> ps.setInt(index, n);
            case Long n -> ps.setLong(index, n);
            case Double n -> ps.setDouble(index, n);
            case BigDecimal n -> ps.setBigDecimal(index, n);
            case Boolean b -> ps.setBoolean(index, b);
            case UUID u -> ps.setString(index, u.toString());
            case Timestamp t -> ps.setTimestamp(index, t);
            case byte[] bytes -> ps.setBytes(index, bytes);
            default -> ps.setObject(index, value);
        }
    }
}
