package dev.rapport.exchange;

import static dev.rapport.exchange.JdbcArchiveExport.quote;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

import dev.rapport.exchange.ArchiveManifest.ColumnRef;
import dev.rapport.exchange.ArchiveManifest.FileEntry;
import dev.rapport.exchange.ArchiveSchema.Column;
import dev.rapport.exchange.ArchiveSchema.Planned;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Restores an archive into an empty database, keeping every id: checks that the archive fits this
 * schema and that the database holds no team data, then writes all tables in foreign-key order in
 * one transaction (on PostgreSQL with COPY, building indexes and checking foreign keys after each
 * table's load; batched inserts elsewhere) and finally moves the identity sequences past the
 * restored ids.
 */
final class JdbcArchiveImport {
    private static final int BATCH = 1_000;

    private final Connection c;
    private final ArchiveSchema schema;
    private final boolean postgres;

    JdbcArchiveImport(Connection c) throws SQLException {
        this.c = c;
        this.schema = JdbcArchiveSchema.read(c);
        this.postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL") && c.isWrapperFor(PGConnection.class);
    }

    /** Refuses an archive that this database's schema cannot hold without losing or inventing data. */
    void checkFits(ArchiveManifest m) throws SQLException {
        schema.requireComplete();
        String ours = JdbcArchiveExport.schemaVersion(c, schema);
        if (m.schemaVersion() != null && ours != null
                && MigrationVersion.fromVersion(m.schemaVersion()).compareTo(MigrationVersion.fromVersion(ours)) > 0) {
            throw new ArchiveException("the archive comes from schema version " + m.schemaVersion() + ", newer than "
                    + "this database's " + ours + ": upgrade Rapport first");
        }
        List<String> problems = new ArrayList<>();
        for (FileEntry f : m.files()) {
            Planned p = schema.archived(f.table()).orElse(null);
            if (p == null) {
                problems.add("table " + f.table() + " is not part of this database's archivable schema");
                continue;
            }
            for (ColumnRef col : f.columns()) {
                p.table().column(col.name()).ifPresentOrElse(target -> {
                    if (!target.type().code().equals(col.type())) {
                        problems.add(f.table() + "." + col.name() + " is " + col.type() + " in the archive but "
                                + target.type().code() + " here");
                    }
                }, () -> problems.add(f.table() + "." + col.name() + " does not exist here"));
            }
            List<String> names = f.columns().stream().map(ColumnRef::name).toList();
            p.table().columns().stream().filter(col -> col.required() && !names.contains(col.name()))
                    .forEach(col -> problems.add(f.table() + "." + col.name() + " is required here but missing "
                            + "from the archive"));
        }
        if (!problems.isEmpty()) {
            throw new ArchiveException("the archive does not fit this database: " + String.join("; ", problems));
        }
    }

    /** Tables that already hold rows (import restores into an empty database only). */
    List<String> nonEmptyTables() throws SQLException {
        List<String> full = new ArrayList<>();
        for (Planned p : schema.archived()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1 FROM " + quote(p.table().name()) + " FETCH FIRST 1 ROWS ONLY")) {
                if (rs.next()) {
                    full.add(p.table().name());
                }
            }
        }
        return full;
    }

    /**
     * Writes every file in one transaction: any failure (a bad value, a broken key, a file that
     * changed since it was checked) rolls everything back. Returns rows written per table.
     */
    Map<String, Long> write(ArchiveReader archive, String unusablePasswordHash) throws SQLException {
        Map<String, FileEntry> files = archive.manifest().files().stream()
                .collect(Collectors.toMap(FileEntry::table, f -> f));
        Map<String, Long> written = new LinkedHashMap<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Planned p : schema.archived()) {
                FileEntry f = files.get(p.table().name());
                if (f != null) {
                    String secret = archive.manifest().credentials() ? null
                            : ArchiveSchema.SECRET_COLUMNS.get(f.table());
                    List<String> rebuild = postgres && f.rows() > 0 ? dropForeignKeysAndIndexes(f.table()) : List.of();
                    written.put(f.table(), writeFile(archive, f, p, secret, unusablePasswordHash));
                    execute(rebuild);
                }
            }
            c.commit();
            return written;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * PostgreSQL checks a foreign key with a trigger per row and updates every index per row; like
     * pg_restore, load first and then build the indexes and check the keys in one pass each (about
     * four times faster for millions of rows). The schema changes are part of the import
     * transaction, so a failure rolls them back with the rows. Returns the statements that put
     * everything back, exactly as pg_get_indexdef and pg_get_constraintdef describe it.
     */
    private List<String> dropForeignKeysAndIndexes(String table) throws SQLException {
        List<String> rebuild = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                WHERE i.indrelid = CAST(? AS regclass) AND NOT i.indisprimary AND NOT i.indisunique
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                ORDER BY 1""")) {
            ps.setString(1, quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + rs.getString(1));
                    rebuild.add(rs.getString(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = CAST(? AS regclass) AND contype = 'f' ORDER BY conname""")) {
            ps.setString(1, quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drop.add("ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(rs.getString(1)));
                    rebuild.add("ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(rs.getString(1)) + " "
                            + rs.getString(2));
                }
            }
        }
        execute(drop);
        return rebuild;
    }

    private void execute(List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private long writeFile(ArchiveReader archive, FileEntry f, Planned p, String secret, String placeholder)
            throws SQLException {
        List<ColumnRef> refs = f.columns();
        List<Column> columns = refs.stream().map(r -> p.table().column(r.name()).orElseThrow()).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            index.put(refs.get(i).name(), i);
        }
        int secretIndex = secret == null ? -1 : index.getOrDefault(secret, -1);
        long rows = 0;
        try (InputStream in = archive.open(f);
             JsonParser parser = ArchiveManifest.ROWS.createParser(ObjectReadContext.empty(), in);
             Sink sink = postgres ? new CopySink(c, f.table(), columns) : new BatchSink(c, f.table(), columns)) {
            Object[] row;
            while ((row = nextRow(parser, columns, index, f, rows + 1)) != null) {
                if (secretIndex >= 0 && row[secretIndex] == null) {
                    row[secretIndex] = placeholder;
                }
                sink.add(row);
                rows++;
            }
        } catch (IOException | JacksonException e) {
            throw unreadable(f, rows + 1, e);
        }
        return rows;
    }

    /** A data file that cannot be read as JSON Lines, in words (no parser internals). */
    static ArchiveException unreadable(FileEntry f, long row, Exception e) {
        String why = e instanceof JacksonException j ? ArchiveReader.describe(j) : e.getMessage();
        return new ArchiveException(f.path() + " near row " + row + ": " + why, e);
    }

    /** The next JSON object as values in the manifest's column order, or null at the end of the file. */
    static Object[] nextRow(JsonParser p, List<Column> columns, Map<String, Integer> index, FileEntry f,
                                    long n) {
        JsonToken t = p.nextToken();
        if (t == null) {
            return null;
        }
        String where = f.path() + " row " + n;
        if (t != JsonToken.START_OBJECT) {
            throw new ArchiveException(where + ": expected a JSON object");
        }
        Object[] row = new Object[columns.size()];
        boolean[] seen = new boolean[columns.size()];
        String name;
        while ((name = p.nextName()) != null) {
            Integer i = index.get(name);
            if (i == null || seen[i]) {
                throw new ArchiveException(where + ": field '" + name + "' is not a column of the manifest or repeats");
            }
            seen[i] = true;
            JsonToken value = p.nextToken();
            try {
                row[i] = value == JsonToken.VALUE_NULL ? null : columns.get(i).type().parse(p);
            } catch (ArchiveType.BadValue | DateTimeParseException | IllegalArgumentException e) {
                throw new ArchiveException(where + ", " + name + ": " + e.getMessage(), e);
            }
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                throw new ArchiveException(where + ": field '" + columns.get(i).name() + "' is missing");
            }
        }
        return row;
    }

    /** Moves each identity past the largest restored id, so new rows never collide with restored ones. */
    void moveIdentities(Map<String, Long> written) throws SQLException {
        for (Planned p : schema.archived()) {
            if (written.getOrDefault(p.table().name(), 0L) == 0) {
                continue;
            }
            for (Column col : p.table().columns()) {
                if (col.identity()) {
                    moveIdentity(p.table().name(), col.name());
                }
            }
        }
    }

    private void moveIdentity(String table, String column) throws SQLException {
        long max;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(" + quote(column) + ") FROM " + quote(table))) {
            rs.next();
            max = rs.getLong(1);
        }
        if (postgres) {
            try (PreparedStatement ps = c.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), ?)")) {
                ps.setString(1, quote(table));
                ps.setString(2, column);
                ps.setLong(3, max);
                ps.execute();
            }
        } else {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column) + " RESTART WITH " + (max + 1));
            }
        }
    }

    /** Where parsed rows go: a JDBC batch, or PostgreSQL's COPY. */
    private interface Sink extends AutoCloseable {
        void add(Object[] row) throws SQLException, IOException;

        @Override
        void close() throws SQLException, IOException;
    }

    private static final class BatchSink implements Sink {
        private final PreparedStatement ps;
        private final List<Column> columns;
        private int pending;

        BatchSink(Connection c, String table, List<Column> columns) throws SQLException {
            this.columns = columns;
            this.ps = c.prepareStatement("INSERT INTO " + quote(table) + " (" + columns.stream()
                    .map(col -> quote(col.name())).collect(Collectors.joining(", ")) + ") VALUES ("
                    + columns.stream().map(col -> "?").collect(Collectors.joining(", ")) + ")");
        }

        @Override
        public void add(Object[] row) throws SQLException {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    ps.setNull(i + 1, columns.get(i).jdbcType());
                } else {
                    columns.get(i).type().bind(ps, i + 1, row[i]);
                }
            }
            ps.addBatch();
            if (++pending == BATCH) {
                ps.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try (ps) {
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        }
    }

    /** CSV into COPY FROM STDIN: text always quoted (so "" is an empty string), NULL an empty field. */
    private static final class CopySink implements Sink {
        private final Writer out;
        private final List<Column> columns;

        CopySink(Connection c, String table, List<Column> columns) throws SQLException {
            this.columns = columns;
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + quote(table) + " ("
                    + columns.stream().map(col -> quote(col.name())).collect(Collectors.joining(", "))
                    + ") FROM STDIN WITH (FORMAT csv)");
            this.out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copy, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void add(Object[] row) throws IOException {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object v = row[i];
                if (v == null) {
                    continue;
                }
                ArchiveType type = columns.get(i).type();
                if (type == ArchiveType.TEXT) {
                    out.write('"');
                    out.write(((String) v).replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(type.copyText(v));
                }
            }
            out.write('\n');
        }

        /** Ends the COPY; PostgreSQL reports bad rows here. After a failure the caller rolls back. */
        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
