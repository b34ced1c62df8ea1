package dev.rapport.support;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row of every application table, to prove that refused requests changed nothing. Leaves
 * out what a refused request legitimately writes: the audit log, sign-in throttling, web
 * sessions, job leases and a token's last use.
 */
public final class DatabaseSnapshot {
    private static final Set<String> SKIPPED_TABLES = Set.of("audit_event", "login_throttle", "spring_session",
            "spring_session_attributes", "job_lock", "flyway_schema_history");
    private static final Set<String> SKIPPED_COLUMNS = Set.of("last_used_at");

    private DatabaseSnapshot() {
    }

    /** Table name to its rows, each row rendered as text, sorted (row order is not data). */
    public static Map<String, List<String>> take(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE lower(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')
                """).query((rs, n) -> rs.getString(1).toLowerCase(Locale.ROOT)).list();
        Map<String, List<String>> snapshot = new TreeMap<>();
        for (String table : tables) {
            if (!SKIPPED_TABLES.contains(table)) {
                List<String> rows = new ArrayList<>(jdbc.sql("SELECT * FROM " + table)
                        .query((rs, n) -> row(rs)).list());
                rows.sort(null);
                snapshot.put(table, rows);
            }
        }
        if (snapshot.size() < 10) {
            throw new IllegalStateException("found only these tables: " + snapshot.keySet());
        }
        return snapshot;
    }

    private static String row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            if (SKIPPED_COLUMNS.contains(column)) {
                continue;
            }
            Object value = rs.getObject(i);
            sb.append(column).append('=')
                    .append(value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value)).append(' ');
        }
        return sb.toString();
    }

    /** The tables whose rows differ, with what was added and what went, for a readable failure. */
    public static List<String> differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> out = new ArrayList<>();
        for (String table : after.keySet()) {
            List<String> was = before.getOrDefault(table, List.of());
            List<String> now = after.get(table);
            if (!was.equals(now)) {
                List<String> added = new ArrayList<>(now);
                added.removeAll(was);
                List<String> removed = new ArrayList<>(was);
                removed.removeAll(now);
                out.add(table + ": added " + added + ", removed " + removed);
            }
        }
        return out;
    }
}
