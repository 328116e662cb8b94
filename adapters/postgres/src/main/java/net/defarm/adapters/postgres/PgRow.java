package net.defarm.adapters.postgres;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * One row of a result, read eagerly from JDBC (so the connection goes back to the pool before the row is mapped):
 * the driver's value of each column, looked up by column label. Replaces Helidon's DbRow on the read path, whose
 * per-column type mapping (a class lookup per column) cost more than the query itself on hot reads.
 */
final class PgRow {

    private final Map<String, Integer> columns;
    private final Object[] values;

    private PgRow(Map<String, Integer> columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** The column labels of a result, by position; shared by all its rows. */
    static Map<String, Integer> columns(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Integer> columns = new HashMap<>(meta.getColumnCount() * 2);
        for (int i = meta.getColumnCount(); i >= 1; i--) {
            columns.put(meta.getColumnLabel(i), i - 1); // the first of two equal labels wins, as in JDBC
        }
        return columns;
    }

    /** The current row of {@code rs}; arrays are copied out, since the driver's may need the connection. */
    static PgRow read(ResultSet rs, Map<String, Integer> columns) throws SQLException {
        Object[] values = new Object[rs.getMetaData().getColumnCount()];
        for (int i = 0; i < values.length; i++) {
            Object value = rs.getObject(i + 1);
            values[i] = value instanceof Array array ? array.getArray() : value;
        }
        return new PgRow(columns, values);
    }

    /** The driver's value of {@code column} (String, Long, Integer, Boolean, UUID, Timestamp, Object[] ...). */
    Object value(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException("no column " + column + " in the result");
        }
        return values[index];
    }

    String text(String column) {
        Object value = value(column);
        return value == null || value instanceof String ? (String) value : value.toString();
    }

    /** A {@code date} column as a LocalDate. */
    LocalDate date(String column) {
        Object value = value(column);
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
