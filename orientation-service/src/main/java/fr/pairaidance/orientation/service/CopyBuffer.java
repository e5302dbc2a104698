package fr.pairaidance.orientation.service;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.copy.CopyManager;

/**
 * Rows of one table in PostgreSQL's COPY text format, sent by chunks of about 1 MB: one COPY per chunk
 * (so two tables can be filled in turns on one connection). Values are escaped as COPY requires
 * (backslash, tab, newline, carriage return), arrays written as array literals with quoted elements.
 */
final class CopyBuffer {

    private static final int CHUNK = 1 << 20;

    private final String sql;
    private final StringBuilder rows = new StringBuilder(CHUNK + 4096);
    private boolean rowStarted;

    CopyBuffer(String table, String columns) {
        this.sql = "copy " + table + " (" + columns + ", seq, event_id, tombstone) from stdin";
    }

    CopyBuffer value(Object value) {
        separate();
        if (value == null) {
            rows.append("\\N");
        } else if (value instanceof Boolean b) {
            rows.append(b ? 't' : 'f');
        } else {
            escape(value.toString());
        }
        return this;
    }

    CopyBuffer nulls(int count) {
        for (int i = 0; i < count; i++) {
            value(null);
        }
        return this;
    }

    CopyBuffer array(List<String> values) {
        if (values == null) {
            return value(null);
        }
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            literal.append(i == 0 ? "" : ",");
            if (v == null) {
                literal.append("NULL");
            } else {
                literal.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return value(literal.append('}').toString());
    }

    void endRow() {
        rows.append('\n');
        rowStarted = false;
    }

    boolean isFull() {
        return rows.length() >= CHUNK;
    }

    /** Sends the buffered rows with one COPY, then empties the buffer. */
    void copyTo(CopyManager copy) throws SQLException {
        if (rows.length() == 0) {
            return;
        }
        try {
            copy.copyIn(sql, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("copy of rebuild rows failed", e);
        }
        rows.setLength(0);
    }

    private void separate() {
        if (rowStarted) {
            rows.append('\t');
        }
        rowStarted = true;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }
}
