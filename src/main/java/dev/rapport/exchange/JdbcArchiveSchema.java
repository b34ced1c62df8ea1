package dev.rapport.exchange;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.rapport.exchange.ArchiveSchema.Column;
import dev.rapport.exchange.ArchiveSchema.ForeignKey;
import dev.rapport.exchange.ArchiveSchema.Table;

/** Reads the current schema's tables, columns and keys from JDBC metadata (H2 and PostgreSQL alike). */
final class JdbcArchiveSchema {
    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE");

    private JdbcArchiveSchema() {
    }

    static ArchiveSchema read(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", null)) {
            while (rs.next()) {
                if (TABLE_TYPES.contains(rs.getString("TABLE_TYPE").toUpperCase(Locale.ROOT))) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(new Table(name, columns(meta, schema, name), primaryKey(meta, schema, name),
                    foreignKeys(meta, schema, name)));
        }
        return new ArchiveSchema(tables);
    }

    private static List<Column> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, Column> byPosition = new TreeMap<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                if ("YES".equals(rs.getString("IS_GENERATEDCOLUMN"))) {
                    continue; // computed by the database on both sides
                }
                String typeName = rs.getString("TYPE_NAME");
                byPosition.put(rs.getInt("ORDINAL_POSITION"), new Column(rs.getString("COLUMN_NAME"),
                        ArchiveType.of(rs.getInt("DATA_TYPE"), typeName).orElse(null), rs.getInt("DATA_TYPE"), typeName,
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, rs.getString("COLUMN_DEF") != null,
                        "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        return List.copyOf(byPosition.values());
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, String> byPosition = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                byPosition.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(byPosition.values());
    }

    private static List<ForeignKey> foreignKeys(DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        Map<String, TreeMap<Integer, String[]>> byName = new TreeMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME") + "/" + rs.getString("PKTABLE_NAME");
                byName.computeIfAbsent(name, k -> new TreeMap<>()).put(rs.getInt("KEY_SEQ"), new String[] {
                    rs.getString("PKTABLE_NAME"), rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        byName.values().forEach(cols -> keys.add(new ForeignKey(cols.firstEntry().getValue()[0],
                cols.values().stream().map(c -> c[1]).toList(), cols.values().stream().map(c -> c[2]).toList())));
        keys.sort(java.util.Comparator.comparing(k -> String.join(",", k.columns())));
        return keys;
    }
}
