package dev.rapport.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL checks a foreign key with a trigger per row and updates every index per row. For a bulk
 * load, do what pg_restore does: drop a table's foreign keys and secondary indexes, load, then build
 * the indexes and check the keys in one pass each (several times faster for millions of rows). Run
 * it inside the load's transaction: PostgreSQL's DDL is transactional, so a failure rolls the schema
 * back with the rows. The table is locked exclusively until the transaction ends.
 */
public final class PostgresBulkLoad {
    private PostgresBulkLoad() {
    }

    /**
     * Drops the table's foreign keys, its indexes that back no constraint and its primary key if no
     * foreign key refers to it (unique constraints and a referenced primary key stay), and returns
     * the statements that put them back, exactly as pg_get_indexdef and pg_get_constraintdef
     * describe them: the primary key first, so a key that turns out not unique fails before the
     * other rebuilds.
     */
    public static List<String> dropForeignKeysAndIndexes(Connection c, String table) throws SQLException {
        List<String> rebuild = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT p.conname, pg_get_constraintdef(p.oid) FROM pg_constraint p
                WHERE p.conrelid = CAST(? AS regclass) AND p.contype = 'p'
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.confrelid = p.conrelid AND f.contype = 'f')
                """)) {
            ps.setString(1, quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drop.add(alter(table) + " DROP CONSTRAINT " + quote(rs.getString(1)));
                    rebuild.add(alter(table) + " ADD CONSTRAINT " + quote(rs.getString(1)) + " " + rs.getString(2));
                }
            }
        }
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
                    drop.add(alter(table) + " DROP CONSTRAINT " + quote(rs.getString(1)));
                    rebuild.add(alter(table) + " ADD CONSTRAINT " + quote(rs.getString(1)) + " " + rs.getString(2));
                }
            }
        }
        execute(c, drop);
        return rebuild;
    }

    public static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String alter(String table) {
        return "ALTER TABLE " + quote(table);
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
