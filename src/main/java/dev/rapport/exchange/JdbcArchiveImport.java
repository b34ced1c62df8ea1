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
import java.sql.Types;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

import dev.rapport.exchange.ArchiveManifest.ColumnRef;
import dev.rapport.exchange.ArchiveManifest.FileEntry;
import dev.rapport.exchange.ArchiveSchema.Column;
import dev.rapport.exchange.ArchiveSchema.Planned;
import dev.rapport.shared.PgBinaryRows;
import dev.rapport.shared.PostgresBulkLoad;
import dev.rapport.shared.Sql;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Restores an archive into an empty database, keeping every id: checks that the archive fits this
 * schema and that the database holds no team data, then writes all tables in foreign-key order,
 * all-or-nothing, each without its foreign keys and secondary indexes, which are put back after its
 * load (PostgreSQL: COPY, one transaction; H2: batched inserts in steps, undone on failure), and
 * finally moves the identity sequences past the restored ids.
 */
final class JdbcArchiveImport {
    private static final int BATCH = 1_000;
    /**
     * Rows per commit while loading a table into H2, measured (100k clients, 2M touches: 50,000
     * rows per commit cost 11.0 import-thread CPU-s for touch's rows, 10,000 cost 6.7 and 5,000
     * 6.3). Likely why: a step's pages then fit H2's unsaved-page buffer (about 19 MB), so each is
     * written once, after the commit marked its rows committed, not also once before.
     */
    private static final int H2_COMMIT = 10_000;

    private final Connection c;
    private final ArchiveSchema schema;
    private final boolean postgres;
    /** The H2 load's own check of single-column keys (null elsewhere). */
    private LoadedKeys loaded;

    JdbcArchiveImport(Connection c) throws SQLException {
        this.c = c;
        this.schema = JdbcArchiveSchema.read(c);
        this.postgres = Sql.isPostgres(c) && c.isWrapperFor(PGConnection.class);
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
     * Writes every file, all-or-nothing: any failure (a bad value, a broken key, a file that changed
     * since it was checked) leaves the database as empty as it was (on H2 see {@link #writeInSteps}).
     * Returns rows written per table.
     */
    Map<String, Long> write(ArchiveReader archive, String unusablePasswordHash) throws SQLException {
        Map<String, FileEntry> files = archive.manifest().files().stream()
                .collect(Collectors.toMap(FileEntry::table, f -> f));
        if (!postgres) {
            Map<String, List<Rebuild>> keys = h2ForeignKeysAndIndexes();
            if (keys != null) {
                return writeInSteps(archive, files, keys, unusablePasswordHash);
            }
        }
        Map<String, Long> written = new LinkedHashMap<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Planned p : schema.archived()) {
                FileEntry f = files.get(p.table().name());
                if (f != null) {
                    String secret = archive.manifest().credentials() ? null
                            : ArchiveSchema.SECRET_COLUMNS.get(f.table());
                    List<String> rebuild = postgres && f.rows() > 0
                            ? PostgresBulkLoad.dropForeignKeysAndIndexes(c, f.table()) : List.of();
                    written.put(f.table(), writeFile(archive, f, p, secret, unusablePasswordHash, null));
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

    /** A failed H2 import whose rows could not be removed again: the database is not empty any more. */
    static final class UndoFailed extends ArchiveException {
        private static final long serialVersionUID = 1L;

        UndoFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A foreign key or secondary index dropped for the load: how to drop it and how to put it back;
     * for a foreign key also how to find a row that breaks it, so that one scan checks all of a table's.
     */
    record Rebuild(String drop, String create, ForeignKey key) {
    }

    /**
     * A foreign key to put back unchecked ({@code unchecked}) once {@code violation}, an SQL condition
     * on the row {@code C} of {@code table}, held for no row, or once the load itself found every
     * row's {@code reference} (a single-column key; null for others) among its parent's loaded keys.
     */
    record ForeignKey(String table, String violation, String unchecked, LoadedKeys.Reference reference) {
    }

    private static final Pattern H2_INDEX = Pattern.compile("CREATE INDEX (\"[^\"]+\"\\.\"([^\"]+)\") ON "
            + "\"[^\"]+\"\\.\"([^\"]+)\"\\(.*", Pattern.DOTALL);
    private static final Pattern H2_FOREIGN_KEY = Pattern.compile("ALTER TABLE (\"[^\"]+\"\\.\"([^\"]+)\") "
            + "ADD CONSTRAINT (\"[^\"]+\"\\.\"[^\"]+\") FOREIGN KEY\\(([^)]+)\\) "
            + "REFERENCES (\"[^\"]+\"\\.\"([^\"]+)\")\\(([^)]+)\\).*", Pattern.DOTALL);

    /**
     * H2's foreign keys and the secondary indexes no constraint uses, per table, exactly as H2's own
     * SCRIPT writes them (foreign keys without NOCHECK, so that putting them back checks every row);
     * null where SCRIPT is not allowed (it needs an admin user): then the import keeps them all.
     */
    private Map<String, List<Rebuild>> h2ForeignKeysAndIndexes() throws SQLException {
        List<String> script = new ArrayList<>();
        Set<String> constraintIndexes = new HashSet<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
                while (rs.next()) {
                    script.add(rs.getString(1).strip());
                }
            } catch (SQLException e) {
                return null;
            }
            try (ResultSet rs = s.executeQuery("SELECT index_name FROM information_schema.table_constraints "
                    + "WHERE index_name IS NOT NULL")) {
                while (rs.next()) {
                    constraintIndexes.add(rs.getString(1));
                }
            }
        }
        Map<String, List<Rebuild>> foreignKeys = new HashMap<>();
        Map<String, List<Rebuild>> indexes = new HashMap<>();
        for (String sql : script) {
            String statement = sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
            Matcher fk = H2_FOREIGN_KEY.matcher(statement);
            Matcher ix = H2_INDEX.matcher(statement);
            if (fk.matches()) {
                boolean unchecked = statement.endsWith(" NOCHECK");
                String create = unchecked ? statement.substring(0, statement.length() - " NOCHECK".length()) : statement;
                foreignKeys.computeIfAbsent(fk.group(2), t -> new ArrayList<>())
                        .add(new Rebuild("ALTER TABLE " + fk.group(1) + " DROP CONSTRAINT " + fk.group(3), create,
                                new ForeignKey(fk.group(1), violation(fk.group(4), fk.group(5), fk.group(7)),
                                        create + " NOCHECK", LoadedKeys.Reference.of(fk.group(2), fk.group(4),
                                                fk.group(6), fk.group(7)))));
            } else if (ix.matches() && !constraintIndexes.contains(ix.group(2))) {
                indexes.computeIfAbsent(ix.group(3), t -> new ArrayList<>())
                        .add(new Rebuild("DROP INDEX " + ix.group(1), statement, null));
            }
        }
        // foreign keys first, so that each gets back an index of its own as in a migrated database
        Map<String, List<Rebuild>> all = new HashMap<>(foreignKeys);
        indexes.forEach((table, list) -> all.computeIfAbsent(table, t -> new ArrayList<>()).addAll(list));
        return all;
    }

    /**
     * A row breaks a foreign key (MATCH SIMPLE, as H2 checks it) when none of its columns is null and
     * the referenced table has no row with those values.
     */
    private static String violation(String columns, String parent, String referenced) {
        String[] cols = columns.split(", ");
        String[] refs = referenced.split(", ");
        StringBuilder sql = new StringBuilder("(");
        for (String col : cols) {
            sql.append("C.").append(col).append(" IS NOT NULL AND ");
        }
        sql.append("NOT EXISTS (SELECT 1 FROM ").append(parent).append(" P WHERE ");
        for (int i = 0; i < cols.length; i++) {
            sql.append(i > 0 ? " AND " : "").append("P.").append(refs[i]).append(" = C.").append(cols[i]);
        }
        return sql.append("))").toString();
    }

    /**
     * H2 spends most of an import keeping every index of a table up to date per row, and its DDL
     * commits. So on H2 each table is loaded without its foreign keys and
     * secondary indexes in commits of {@link #H2_COMMIT} rows, and they are put back (checking
     * every key) before the next table. All-or-nothing still holds: on any failure the rows written
     * so far are deleted and what was dropped is put back, so the database is as empty as before.
     */
    private Map<String, Long> writeInSteps(ArchiveReader archive, Map<String, FileEntry> files,
                                           Map<String, List<Rebuild>> keys, String unusablePasswordHash)
            throws SQLException {
        Map<String, Long> written = new LinkedHashMap<>();
        List<Rebuild> dropped = new ArrayList<>();
        loaded = new LoadedKeys(keys.values().stream().flatMap(List::stream).map(Rebuild::key)
                .filter(java.util.Objects::nonNull).map(ForeignKey::reference).filter(java.util.Objects::nonNull)
                .toList());
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Planned p : schema.archived()) {
                FileEntry f = files.get(p.table().name());
                if (f == null) {
                    continue;
                }
                String secret = archive.manifest().credentials() ? null : ArchiveSchema.SECRET_COLUMNS.get(f.table());
                for (Rebuild r : f.rows() > 0 ? keys.getOrDefault(f.table(), List.of()) : List.<Rebuild>of()) {
                    execute(List.of(r.drop()));
                    dropped.add(r);
                }
                written.put(f.table(), writeFile(archive, f, p, secret, unusablePasswordHash, loaded));
                c.commit();
                putBack(dropped);
            }
            return written;
        } catch (SQLException | RuntimeException e) {
            undo(dropped, e);
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Creates what was dropped, in order, forgetting each once it is back (a failed check stays
     * pending); foreign keys that {@link #checkForeignKeys} found holding go back unchecked.
     */
    private void putBack(List<Rebuild> dropped) throws SQLException {
        Set<ForeignKey> holding = checkForeignKeys(dropped);
        while (!dropped.isEmpty()) {
            Rebuild r = dropped.get(0);
            execute(List.of(holding.contains(r.key()) ? r.key().unchecked() : r.create()));
            dropped.remove(0);
        }
    }

    /**
     * Checks the pending foreign keys of each table and returns those that hold: the ones the load
     * checked ({@link LoadedKeys}) without a query, the others in one scan (H2 reads the table once
     * per key). Where a row breaks one, none is returned for that table: they are put back checked,
     * so that H2 refuses the broken one in its own words.
     */
    private Set<ForeignKey> checkForeignKeys(List<Rebuild> dropped) throws SQLException {
        Map<String, List<ForeignKey>> byTable = new LinkedHashMap<>();
        dropped.stream().map(Rebuild::key).filter(java.util.Objects::nonNull)
                .forEach(k -> byTable.computeIfAbsent(k.table(), t -> new ArrayList<>()).add(k));
        Set<ForeignKey> holding = new HashSet<>();
        for (Map.Entry<String, List<ForeignKey>> e : byTable.entrySet()) {
            if (loaded != null && e.getValue().stream().map(ForeignKey::reference)
                    .anyMatch(r -> r != null && loaded.broken(r.table()))) {
                continue;
            }
            List<ForeignKey> unchecked = e.getValue().stream()
                    .filter(k -> loaded == null || !loaded.verified(k.reference())).toList();
            if (unchecked.isEmpty()) {
                holding.addAll(e.getValue());
                continue;
            }
            String sql = "SELECT 1 FROM " + e.getKey() + " C WHERE " + unchecked.stream()
                    .map(ForeignKey::violation).collect(Collectors.joining(" OR ")) + " FETCH FIRST 1 ROWS ONLY";
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                if (!rs.next()) {
                    holding.addAll(e.getValue());
                }
            }
        }
        return holding;
    }

    /**
     * After a failed H2 load: deletes every archived table's rows (children first; the database was
     * empty before) and puts back what was dropped. If even that fails, says so instead of claiming
     * that nothing was written.
     */
    private void undo(List<Rebuild> dropped, Exception cause) {
        try {
            c.rollback();
            List<Planned> tables = new ArrayList<>(schema.archived());
            java.util.Collections.reverse(tables);
            try (Statement s = c.createStatement()) {
                for (Planned p : tables) {
                    s.executeUpdate("DELETE FROM " + quote(p.table().name()));
                }
            }
            c.commit();
            putBack(dropped);
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
            throw new UndoFailed(cause.getMessage() + "; removing the rows written so far failed too ("
                    + e.getMessage() + "): restore into a new empty database", cause);
        }
    }

    private void execute(List<String> statements) throws SQLException {
        PostgresBulkLoad.execute(c, statements);
    }

    /**
     * Loads one file; {@code keys} (the H2 load in steps, else null) sees every row, and the rows are
     * committed every {@link #H2_COMMIT}.
     */
    private long writeFile(ArchiveReader archive, FileEntry f, Planned p, String secret, String placeholder,
                           LoadedKeys keys) throws SQLException {
        boolean inSteps = keys != null;
        List<ColumnRef> refs = f.columns();
        List<Column> columns = refs.stream().map(r -> p.table().column(r.name()).orElseThrow()).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            index.put(refs.get(i).name(), i);
        }
        int secretIndex = secret == null ? -1 : index.getOrDefault(secret, -1);
        LoadedKeys.Watch watch = keys == null ? null : keys.watch(f.table(), columns);
        long rows = 0;
        try (Parsing parsing = new Parsing(f, out -> {
            long parsed = 0;
            try (InputStream in = archive.open(f);
                 JsonParser parser = ArchiveManifest.ROWS.createParser(ObjectReadContext.empty(), in)) {
                Object[][] batch = new Object[BATCH][];
                int n = 0;
                Object[] row;
                while ((row = nextRow(parser, columns, index, f, parsed + 1)) != null) {
                    if (secretIndex >= 0 && row[secretIndex] == null) {
                        row[secretIndex] = placeholder;
                    }
                    if (watch != null) {
                        watch.row(row);
                    }
                    batch[n++] = row;
                    parsed++;
                    if (n == BATCH) {
                        out.put(batch, parsed);
                        batch = new Object[BATCH][];
                        n = 0;
                    }
                }
                out.put(java.util.Arrays.copyOf(batch, n), parsed);
            } catch (IOException | JacksonException e) {
                throw unreadable(f, parsed + 1, e); // the exact row, not the last batch's
            }
        });
             Sink sink = postgres ? copySink(f.table(), columns)
                     : new BatchSink(c, f.table(), columns, inSteps ? H2_COMMIT : 0)) {
            Object[][] batch;
            while ((batch = parsing.next()) != null) {
                for (Object[] row : batch) {
                    try {
                        sink.add(row);
                    } catch (IllegalArgumentException e) {
                        throw new ArchiveException(f.path() + " row " + (rows + 1) + ": " + e.getMessage(), e);
                    }
                    rows++;
                }
            }
        } catch (IOException e) {
            throw unreadable(f, rows + 1, e);
        }
        if (watch != null) {
            watch.done(); // the parser has ended: its rows are all seen
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
                row[i] = value == JsonToken.VALUE_NULL ? null : inRange(columns.get(i), columns.get(i).type().parse(p));
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

    /** A whole number that the column's own width holds (an archive's integers are 64-bit). */
    private static Object inRange(Column column, Object value) {
        long max = switch (column.jdbcType()) {
            case Types.TINYINT -> Byte.MAX_VALUE;
            case Types.SMALLINT -> Short.MAX_VALUE;
            case Types.INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        if (value instanceof Long n && (n > max || n < -max - 1)) {
            throw new IllegalArgumentException(n + " is out of range for " + column.typeName());
        }
        return value;
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

    /**
     * A file's rows parsed on a second thread, in batches through a small queue, while the calling
     * thread writes the previous ones: parsing JSON and writing rows take about as long each.
     * Any failure of the parser reaches the writer, in order, after the rows before it.
     */
    private static final class Parsing implements AutoCloseable {
        private static final Object[][] END = new Object[0][];

        interface Batches {
            /** Hands over a batch, waiting while the writer is behind; {@code parsed}: rows so far. */
            void put(Object[][] batch, long parsed) throws InterruptedException;
        }

        interface Producer {
            void run(Batches out) throws IOException, InterruptedException;
        }

        private final BlockingQueue<Object[][]> queue = new ArrayBlockingQueue<>(8);
        private final Thread thread;
        private volatile RuntimeException failure;
        private volatile long parsed;

        Parsing(FileEntry f, Producer producer) {
            thread = new Thread(() -> {
                try {
                    producer.run((batch, rows) -> {
                        parsed = rows;
                        queue.put(batch);
                    });
                } catch (InterruptedException e) {
                    return; // the writer gave up and closed
                } catch (IOException | JacksonException e) {
                    failure = unreadable(f, parsed + 1, e);
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    failure = new ArchiveException("reading " + f.path() + " failed: " + e, e);
                }
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "archive-parse-" + f.table());
            thread.setDaemon(true);
            thread.start();
        }

        /** The next batch, or null after the last; throws what stopped the parser. */
        Object[][] next() {
            Object[][] batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ArchiveException("interrupted while reading the archive", e);
            }
            if (batch == END) {
                if (failure != null) {
                    throw failure;
                }
                return null;
            }
            return batch;
        }

        /** Stops the parser if the writer failed first, and waits for it (no thread outlives the import). */
        @Override
        public void close() {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
        private final Connection c;
        private final PreparedStatement ps;
        private final List<Column> columns;
        private final int commitEvery;
        private int pending;
        private long rows;

        /** Commits every {@code commitEvery} rows when positive (the H2 load in steps), else never. */
        BatchSink(Connection c, String table, List<Column> columns, int commitEvery) throws SQLException {
            this.c = c;
            this.columns = columns;
            this.commitEvery = commitEvery;
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
            rows++;
            if (++pending == BATCH) {
                ps.executeBatch();
                pending = 0;
                if (commitEvery > 0 && rows % commitEvery == 0) {
                    c.commit();
                }
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

    /** Binary COPY where every column's type has a binary encoding here (the big tables), else CSV. */
    private Sink copySink(String table, List<Column> columns) throws SQLException {
        List<String> names = columns.stream().map(col -> quote(col.name())).toList();
        Optional<PgBinaryRows> binary = PgBinaryRows.open(c, quote(table), names);
        return binary.isPresent() ? new BinarySink(binary.get()) : new CopySink(c, table, columns);
    }

    /** Rows in PostgreSQL's binary COPY format: no text to write here, none for the server to parse. */
    private static final class BinarySink implements Sink {
        private final PgBinaryRows rows;
        private boolean halfSent;

        BinarySink(PgBinaryRows rows) {
            this.rows = rows;
        }

        @Override
        public void add(Object[] row) throws SQLException {
            try {
                rows.row(row);
            } catch (IllegalArgumentException | SQLException e) {
                halfSent = true; // a refused value, or a server that already refused the COPY
                throw e;
            }
        }

        /**
         * Ends the COPY (PostgreSQL reports refused rows here); one that failed, or whose end failed, is
         * cancelled so the connection can roll back.
         */
        @Override
        public void close() throws SQLException {
            try {
                if (!halfSent) {
                    rows.close();
                }
            } finally {
                rows.cancelIfActive();
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
