package net.defarm.adapters.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows in PostgreSQL's COPY text format, sent with the driver's {@code CopyManager} on the current transaction's
 * connection: the fastest way to load many rows, used by the import. Values are written as their text form
 * (timestamps as ISO-8601 instants, which the server reads back exactly); null is {@code \N}.
 */
final class PgCopy {

    /** Creates, on a session's first use, its staging table for {@code table}, emptied by every commit. */
    static String staging(String table) {
        return "CREATE TEMP TABLE IF NOT EXISTS " + table + "_load (LIKE " + table
                + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";
    }

    /** Moves the staged rows into {@code table}, skipping those that conflict on {@code key}; counts those moved. */
    static String fromStaging(String table, String columns, String key) {
        return "WITH moved AS (DELETE FROM " + table + "_load RETURNING " + columns + ") INSERT INTO " + table + " ("
                + columns + ") SELECT * FROM moved ON CONFLICT (" + key + ") DO NOTHING";
    }

    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private long rows;

    /** Adds one row, its values in the order of the columns named by {@link #into}. */
    PgCopy row(Object... values) {
        for (Object v : values) {
            if (rowStarted) {
                text.append('\t');
            }
            rowStarted = true;
            if (v == null) {
                text.append("\\N");
            } else {
                escape(v.toString());
            }
        }
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
    }

    long rows() {
        return rows;
    }

    /** Sends the rows into {@code table (columns)} in one COPY; returns how many the server stored. */
    long into(Connection connection, String table, String columns) {
        if (rows == 0) {
            return 0;
        }
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            return copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN",
                    new java.io.StringReader(text.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
