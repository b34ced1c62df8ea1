package dev.rapport.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * What the crash drill checks after a kill -9, straight on the database (the server is down): every
 * acknowledged id is there, the rollups kept on write equal a recomputation from the raw rows,
 * Flyway's history validates, and every row of every table can be read (H2 opens and scans
 * without a corruption error).
 */
final class CrashChecks {
    /** A rollup that must equal its recomputation: a query answering how many rows differ (every ? is the team). */
    private static final List<String[]> ROLLUPS = List.of(
            new String[] {"client.last_touch_at", """
                    SELECT COUNT(*) FROM client c WHERE c.team_id = ? AND c.last_touch_at IS DISTINCT FROM
                    (SELECT MAX(t.at) FROM touch t WHERE t.client_id = c.id AND t.automated = FALSE)"""},
            new String[] {"client.last_outbound_at", """
                    SELECT COUNT(*) FROM client c WHERE c.team_id = ? AND c.last_outbound_at IS DISTINCT FROM
                    (SELECT MAX(t.at) FROM touch t WHERE t.client_id = c.id AND t.automated = FALSE
                     AND t.direction = 'outbound')"""},
            new String[] {"client.last_update_request_at", """
                    SELECT COUNT(*) FROM client c WHERE c.team_id = ? AND c.last_update_request_at IS DISTINCT FROM
                    (SELECT MAX(t.at) FROM touch t WHERE t.client_id = c.id AND t.automated = FALSE
                     AND t.direction = 'inbound' AND t.update_request = TRUE)"""},
            new String[] {"user_day touches", """
                    SELECT COUNT(*) FROM (SELECT user_id FROM (
                    SELECT user_id, touches_external + touches_internal AS n FROM user_day WHERE team_id = ?
                    UNION ALL SELECT user_id, -1 FROM touch WHERE team_id = ? AND automated = FALSE) x
                    GROUP BY user_id HAVING SUM(n) <> 0) y"""},
            new String[] {"user_day late signals", """
                    SELECT COUNT(*) FROM (SELECT user_id FROM (
                    SELECT user_id, late_external + late_internal AS n FROM user_day WHERE team_id = ?
                    UNION ALL SELECT user_id, -1 FROM touch WHERE team_id = ? AND automated = FALSE
                    AND direction = 'inbound' AND update_request = TRUE) x
                    GROUP BY user_id HAVING SUM(n) <> 0) y"""},
            new String[] {"user_month late signals", """
                    SELECT COUNT(*) FROM (SELECT user_id FROM (
                    SELECT user_id, late_external + late_internal AS n FROM user_month WHERE team_id = ?
                    UNION ALL SELECT user_id, -1 FROM touch WHERE team_id = ? AND automated = FALSE
                    AND direction = 'inbound' AND update_request = TRUE) x
                    GROUP BY user_id HAVING SUM(n) <> 0) y"""},
            // touch minutes go to client_interaction too: every other category is its entries alone
            new String[] {"journal_day seconds", """
                    SELECT COUNT(*) FROM (SELECT user_id, local_day, category FROM (
                    SELECT user_id, local_day, category, seconds AS n FROM journal_day WHERE team_id = ?
                    UNION ALL SELECT user_id, local_day, category, -60 * minutes FROM journal_entry WHERE team_id = ?) x
                    WHERE category <> 'client_interaction'
                    GROUP BY user_id, local_day, category HAVING SUM(n) <> 0) y"""},
            new String[] {"client_cadence rows", """
                    SELECT COUNT(*) FROM client c WHERE c.team_id = ?
                    AND NOT EXISTS (SELECT 1 FROM client_cadence k WHERE k.client_id = c.id)"""});

    private CrashChecks() {
    }

    /** The ids the drill was told were written, by table. */
    record Acknowledged(Collection<Long> clients, Collection<Long> touches, Collection<Long> journal) {
        int size() {
            return clients.size() + touches.size() + journal.size();
        }
    }

    /** Acknowledged writes missing from the database, and every consistency problem found. */
    record Report(int lost, List<String> problems, long touchRows, long journalRows) {
        boolean corrupt() {
            return !problems.isEmpty();
        }
    }

    static Report check(String url, String user, String password, long team, Acknowledged acked) {
        List<String> problems = new ArrayList<>();
        int lost = 0;
        long touches = -1;
        long journal = -1;
        try {
            ValidateResult flyway = Flyway.configure(CrashChecks.class.getClassLoader())
                    .dataSource(url, user, password).load().validateWithResult();
            if (!flyway.validationSuccessful) {
                problems.add("Flyway validate failed: " + flyway.getAllErrorMessages());
            }
        } catch (RuntimeException e) {
            problems.add("Flyway validate failed: " + e.getMessage());
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            lost += missing(c, "client", team, acked.clients(), problems);
            lost += missing(c, "touch", team, acked.touches(), problems);
            lost += missing(c, "journal_entry", team, acked.journal(), problems);
            for (String[] rollup : ROLLUPS) {
                long wrong = count(c, rollup[1], team);
                if (wrong != 0) {
                    problems.add(rollup[0] + " differs from its recomputation in " + wrong + " rows");
                }
            }
            describeStaleClients(c, team, acked.touches(), problems);
            scanEveryTable(c, problems);
            touches = count(c, "SELECT COUNT(*) FROM touch WHERE team_id = ?", team);
            journal = count(c, "SELECT COUNT(*) FROM journal_entry WHERE team_id = ?", team);
        } catch (SQLException e) {
            problems.add("database error: " + e.getMessage());
        }
        return new Report(lost, problems, touches, journal);
    }

    /**
     * For a client whose last touch differs from its touches: both values, how many touches it has and
     * its newest ones, each marked acknowledged or not (an unacknowledged one was in flight at the
     * kill). Says whether a touch outlived its rollups or the rollups outlived a touch.
     */
    private static void describeStaleClients(Connection c, long team, Collection<Long> ackedTouches,
                                             List<String> problems) throws SQLException {
        Set<Long> acked = new HashSet<>(ackedTouches);
        List<Long> stale = staleClients(c, team, problems);
        for (long client : stale) {
            describeNewestTouches(c, client, acked, problems);
        }
        if (!stale.isEmpty()) {
            long maxAcked = acked.stream().mapToLong(Long::longValue).max().orElse(-1);
            problems.add("  newest touch id acknowledged " + maxAcked + ", stored "
                    + count(c, "SELECT COALESCE(MAX(id), -1) FROM touch WHERE team_id = ?", team));
        }
    }

    private static List<Long> staleClients(Connection c, long team, List<String> problems) throws SQLException {
        List<Long> stale = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.id, c.last_touch_at, c.updated_at,
                       (SELECT MAX(t.at) FROM touch t WHERE t.client_id = c.id AND t.automated = FALSE),
                       (SELECT COUNT(*) FROM touch t WHERE t.client_id = c.id AND t.automated = FALSE)
                FROM client c WHERE c.team_id = ? AND c.last_touch_at IS DISTINCT FROM
                    (SELECT MAX(t.at) FROM touch t WHERE t.client_id = c.id AND t.automated = FALSE)
                ORDER BY c.id FETCH FIRST 3 ROWS ONLY""")) {
            ps.setLong(1, team);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stale.add(rs.getLong(1));
                    problems.add(String.format(Locale.ROOT, "  client %d: last_touch_at %s, newest touch %s, "
                                    + "%d touches, updated_at %s", rs.getLong(1), rs.getObject(2), rs.getObject(4),
                            rs.getLong(5), rs.getObject(3)));
                }
            }
        }
        return stale;
    }

    private static void describeNewestTouches(Connection c, long client, Set<Long> acked, List<String> problems)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, at, created_at, direction, update_request FROM touch
                WHERE client_id = ? AND automated = FALSE ORDER BY at DESC, id DESC FETCH FIRST 3 ROWS ONLY""")) {
            ps.setLong(1, client);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long touch = rs.getLong(1);
                    problems.add(String.format(Locale.ROOT, "    touch %d at %s created %s %s%s, %s", touch,
                            rs.getObject(2), rs.getObject(3), rs.getString(4),
                            rs.getBoolean(5) ? " update request" : "",
                            acked.contains(touch) ? "acknowledged" : "not acknowledged"));
                }
            }
        }
    }

    /** How many of the ids are not in the table; names the first few. */
    private static int missing(Connection c, String table, long team, Collection<Long> ids, List<String> problems)
            throws SQLException {
        Set<Long> present = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE team_id = ?")) {
            ps.setLong(1, team);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getLong(1));
                }
            }
        }
        List<Long> lost = ids.stream().filter(id -> !present.contains(id)).sorted().toList();
        if (!lost.isEmpty()) {
            problems.add(lost.size() + " acknowledged " + table + " rows missing, e.g. "
                    + lost.subList(0, Math.min(5, lost.size())));
        }
        return lost.size();
    }

    private static long count(Connection c, String sql, long team) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setLong(i, team);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Reads every column of every row of every table: a damaged page fails here. */
    private static void scanEveryTable(Connection c, List<String> problems) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name FROM information_schema.tables
                WHERE lower(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')""")) {
            while (rs.next()) {
                tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        if (tables.size() < 10) {
            problems.add("only these tables found: " + tables);
        }
        for (String table : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                }
            } catch (SQLException e) {
                problems.add("cannot read table " + table + ": " + e.getMessage());
            }
        }
    }
}
