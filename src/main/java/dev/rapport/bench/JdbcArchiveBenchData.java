package dev.rapport.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.stereotype.Repository;

/**
 * Bulk loading for the archive benchmark: PostgreSQL's COPY where available (about ten times
 * faster than batched inserts for millions of rows), batched inserts committed in chunks elsewhere.
 */
@Repository
class JdbcArchiveBenchData {
    private static final int CHUNK = 5_000;

    private final DataSource dataSource;

    JdbcArchiveBenchData(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Receives generated rows, values in the table's column order. */
    interface Rows {
        void add(Object... values);
    }

    /** Loads the rows the producer generates; returns how many. */
    long load(String table, List<String> columns, Consumer<Rows> producer) {
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = c.isWrapperFor(PGConnection.class);
            return postgres ? copy(c, table, columns, producer) : batch(c, table, columns, producer);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load " + table + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long[] ids(String table, long team) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE team_id = ? ORDER BY id")) {
            ps.setLong(1, team);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long templateId(long team) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MIN(id) FROM deal_template WHERE team_id = ?")) {
            ps.setLong(1, team);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long copy(Connection c, String table, List<String> columns, Consumer<Rows> producer)
            throws SQLException, IOException {
        long[] n = {0};
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(c.unwrap(PGConnection.class),
                sql, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            producer.accept(values -> {
                try {
                    for (int i = 0; i < values.length; i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        out.write(csv(values[i]));
                    }
                    out.write('\n');
                    n[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return n[0];
    }

    private static String csv(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        return v.toString();
    }

    private static long batch(Connection c, String table, List<String> columns, Consumer<Rows> producer)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        long[] n = {0};
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            producer.accept(values -> {
                try {
                    for (int i = 0; i < values.length; i++) {
                        ps.setObject(i + 1, values[i]);
                    }
                    ps.addBatch();
                    if (++n[0] % CHUNK == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return n[0];
    }
}
