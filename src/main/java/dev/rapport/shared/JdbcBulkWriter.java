package dev.rapport.shared;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Streams rows into one table as fast as the database takes them: PostgreSQL's COPY (binary when
 * every column is of a type {@link PgBinaryRows} writes, CSV otherwise or on request), or batched
 * inserts on any other database (H2). Rows are written in the order given, so identity columns are
 * assigned in that order. Not thread-safe; close it to flush.
 */
public final class JdbcBulkWriter implements AutoCloseable {
    private static final int FLUSH_BYTES = 1 << 20;
    private static final int BATCH_ROWS = 5_000;

    private final Connection connection;
    private final DataSource dataSource;
    private final PgBinaryRows binary;
    private final CopyIn copy;
    private final PreparedStatement insert;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + 4096);
    private final StringBuilder line = new StringBuilder(256);
    private final int columns;
    private long rows;
    private int batched;

    public JdbcBulkWriter(DataSource dataSource, String table, List<String> columns) {
        this(dataSource, table, columns, true);
    }

    /** A writer that sends CSV on PostgreSQL whatever the column types: the common format, to compare with. */
    public static JdbcBulkWriter csv(DataSource dataSource, String table, List<String> columns) {
        return new JdbcBulkWriter(dataSource, table, columns, false);
    }

    private JdbcBulkWriter(DataSource dataSource, String table, List<String> columns, boolean binaryIfPossible) {
        this.dataSource = dataSource;
        this.columns = columns.size();
        this.connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                var types = binaryIfPossible ? PgBinaryRows.types(connection, table, columns)
                        : Optional.<List<PgBinaryRows.Type>>empty();
                binary = types.isPresent() ? new PgBinaryRows(connection, table, columns, types.get()) : null;
                copy = binary != null ? null : connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY "
                        + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)");
                insert = null;
            } else {
                binary = null;
                copy = null;
                insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                        + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")");
            }
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException("cannot start writing " + table, e);
        }
    }

    /** One row: null, String, Number, Boolean, Instant or LocalDate values, in column order. */
    public void row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
        }
        try {
            if (binary != null) {
                binary.row(values);
            } else if (copy != null) {
                csv(values);
            } else {
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, jdbc(values[i]));
                }
                insert.addBatch();
                if (++batched == BATCH_ROWS) {
                    insert.executeBatch();
                    batched = 0;
                }
            }
            rows++;
        } catch (SQLException e) {
            throw new IllegalStateException("bulk write failed", e);
        }
    }

    public long rows() {
        return rows;
    }

    private void csv(Object[] values) throws SQLException {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object v = values[i];
            if (v == null) {
                continue; // an unquoted empty field is NULL in COPY's CSV format
            }
            if (v instanceof String s) {
                line.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else if (v instanceof Instant t) {
                utc(line, t);
            } else if (v instanceof LocalDate d) {
                date(line, d);
            } else {
                line.append(v);
            }
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
        if (buffer.size() >= FLUSH_BYTES) {
            flushCopy();
        }
    }

    /**
     * An instant as PostgreSQL reads a UTC timestamp ({@code 2026-12-04 16:45:00+00}), written by
     * hand: java.time's toString took a fifth of the generator's time in a ten-million-row load.
     */
    static void utc(StringBuilder out, Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        if (d.getYear() < 1 || d.getYear() > 9999) {
            out.append(t); // outside four-digit years, the ISO form with its sign
            return;
        }
        date(out, d.toLocalDate());
        out.append(' ');
        two(out, d.getHour()).append(':');
        two(out, d.getMinute()).append(':');
        two(out, d.getSecond());
        if (d.getNano() > 0) {
            String nanos = Integer.toString(1_000_000_000 + d.getNano());
            out.append('.').append(nanos, 1, nanos.length());
        }
        out.append("+00");
    }

    /** A date as {@code 2026-12-04}; outside four-digit years, LocalDate's own form. */
    static void date(StringBuilder out, LocalDate d) {
        if (d.getYear() < 1 || d.getYear() > 9999) {
            out.append(d);
            return;
        }
        String year = Integer.toString(10_000 + d.getYear());
        out.append(year, 1, year.length()).append('-');
        two(out, d.getMonthValue()).append('-');
        two(out, d.getDayOfMonth());
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private void flushCopy() throws SQLException {
        if (buffer.size() > 0) {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
        }
    }

    private static Object jdbc(Object v) {
        return v instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : v;
    }

    @Override
    public void close() {
        try {
            if (binary != null) {
                binary.close();
            } else if (copy != null) {
                flushCopy();
                copy.endCopy();
            } else {
                if (batched > 0) {
                    insert.executeBatch();
                }
                insert.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bulk write failed", e);
        } finally {
            try {
                cancelUnfinishedCopy();
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    /** A COPY that failed before its end would leave the connection unusable for whoever takes it next. */
    private void cancelUnfinishedCopy() {
        try {
            if (binary != null) {
                binary.cancelIfActive();
            } else if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot cancel an unfinished COPY", e);
        }
    }
}
