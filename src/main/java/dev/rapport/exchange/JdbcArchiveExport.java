package dev.rapport.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.rapport.exchange.ArchiveManifest.ColumnRef;
import dev.rapport.exchange.ArchiveManifest.FileEntry;
import dev.rapport.exchange.ArchiveManifest.Omitted;
import dev.rapport.exchange.ArchiveManifest.TeamRef;
import dev.rapport.exchange.ArchiveSchema.Column;
import dev.rapport.exchange.ArchiveSchema.Planned;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Streams the archived teams' rows, table by table in foreign-key order, into a zip of JSON Lines
 * files and a manifest. One read-only, repeatable-read transaction, so the files agree with each
 * other even while the server keeps writing; rows are fetched in pages and never held in memory.
 */
final class JdbcArchiveExport {
    private static final int FETCH_SIZE = 5_000;

    private final Connection c;

    JdbcArchiveExport(Connection c) {
        this.c = c;
    }

    /** Header fields the caller decides: the running app's version and the clock's now. */
    record Header(String appVersion, Instant createdAt) {
    }

    ArchiveManifest write(List<TeamRef> teams, boolean credentials, Header header, OutputStream out)
            throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        boolean readOnly = c.isReadOnly();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setReadOnly(true);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            ArchiveSchema schema = JdbcArchiveSchema.read(c);
            schema.requireComplete();
            List<Long> ids = teams.stream().map(TeamRef::id).toList();
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            List<FileEntry> files = new ArrayList<>();
            List<Omitted> omitted = new ArrayList<>();
            for (Planned p : schema.archived()) {
                String table = p.table().name();
                if (!credentials && ArchiveSchema.CREDENTIAL_TABLES.containsKey(table)) {
                    omitted.add(new Omitted(table, ArchiveSchema.CREDENTIAL_TABLES.get(table)));
                    continue;
                }
                files.add(writeTable(schema, p, ids, credentials, zip));
            }
            var meta = c.getMetaData();
            ArchiveManifest manifest = new ArchiveManifest(ArchiveManifest.FORMAT, ArchiveManifest.VERSION,
                    header.appVersion(), schemaVersion(c, schema), header.createdAt(),
                    meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(), teams, credentials,
                    omitted, files);
            zip.putNextEntry(new ZipEntry(ArchiveManifest.NAME));
            zip.write(ArchiveManifest.JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            return manifest;
        } finally {
            c.rollback(); // read only: nothing to keep
            c.setTransactionIsolation(isolation);
            c.setReadOnly(readOnly);
            c.setAutoCommit(autoCommit);
        }
    }

    private FileEntry writeTable(ArchiveSchema schema, Planned p, List<Long> teams, boolean credentials,
                                 ZipOutputStream zip) throws SQLException, IOException {
        String table = p.table().name();
        List<Column> columns = p.table().columns();
        String secret = credentials ? null : ArchiveSchema.SECRET_COLUMNS.get(table);
        String nulled = credentials ? null : ArchiveSchema.NULLED_SECRETS.get(table);
        List<String> order = p.table().primaryKey().isEmpty() ? columns.stream().map(Column::name).toList()
                : p.table().primaryKey();
        String sql = "SELECT " + columns.stream().map(col -> "t." + quote(col.name())).collect(Collectors.joining(", "))
                + " FROM " + quote(table) + " t WHERE " + schema.where(p, "t", teams) + " ORDER BY "
                + order.stream().map(col -> "t." + quote(col)).collect(Collectors.joining(", "));
        String path = FileEntry.pathOf(table);
        zip.putNextEntry(new ZipEntry(path));
        MessageDigest sha = sha256();
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery();
                 JsonGenerator g = ArchiveManifest.ROWS.createGenerator(ObjectWriteContext.empty(),
                         new DigestOutputStream(zip, sha))) {
                while (rs.next()) {
                    g.writeStartObject();
                    for (int i = 0; i < columns.size(); i++) {
                        Column col = columns.get(i);
                        g.writeName(col.name());
                        if (col.name().equals(secret) || col.name().equals(nulled)) {
                            g.writeNull();
                        } else {
                            col.type().write(g, rs, i + 1);
                        }
                    }
                    g.writeEndObject();
                    g.writeRaw('\n');
                    rows++;
                }
            }
        }
        zip.closeEntry();
        return new FileEntry(path, table, rows, HexFormat.of().formatHex(sha.digest()), columns.stream()
                .map(col -> new ColumnRef(col.name(), col.type().code())).toList());
    }

    /** The last applied Flyway version, or null when the database has no Flyway history. */
    static String schemaVersion(Connection c, ArchiveSchema schema) throws SQLException {
        if (schema.table("flyway_schema_history").isEmpty()) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM flyway_schema_history "
                + "WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
