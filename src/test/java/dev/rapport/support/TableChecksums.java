package dev.rapport.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every table of a database (the application's, Flyway's history, sessions, locks: all of them) as
 * its row count and a SHA-256 over its rows rendered as text and sorted, to prove two databases hold
 * the same data.
 */
public final class TableChecksums {
    private TableChecksums() {
    }

    /** One table: its rows and their checksum. */
    public record Table(long rows, String sha256) {
    }

    public static Map<String, Table> of(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name FROM information_schema.tables
                WHERE lower(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')""")) {
            while (rs.next()) {
                tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        Map<String, Table> out = new TreeMap<>();
        for (String table : tables) {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        sb.append(meta.getColumnLabel(i).toLowerCase(Locale.ROOT)).append('=')
                                .append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v)).append('\u001f');
                    }
                    rows.add(sb.toString());
                }
            }
            rows.sort(null);
            out.put(table, new Table(rows.size(), sha256(String.join("\n", rows))));
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
