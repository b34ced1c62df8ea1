package dev.rapport.bench;

import static dev.rapport.shared.Sql.ts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.rapport.journal.Category;
import dev.rapport.journal.DayTally;
import dev.rapport.journal.JournalEntry;
import dev.rapport.journal.TimeSpan;
import dev.rapport.shared.Sql;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/**
 * Bulk-loads realistic journal data with batched inserts, keeping the daily rollup exactly as the
 * service computes it (DayTally), and offers the naive baseline query over the raw entries.
 */
@Repository
class JdbcBenchData {
    private static final String[] PLAN = {"email", "errands", "phone", "client_interaction", "web", "email",
        "internal_admin", "errands", "misc", "firefighting", "email", "phone", "web", "errands", "email", "misc",
        "client_interaction", "phone", "email", "internal_admin"};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcBenchData(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** About 20 timed entries per day for each day in [first, last]; returns how many were written. */
    int loadJournal(TeamId team, UserId user, LocalDate first, LocalDate last, ZoneId zone, Random r) {
        List<Object[]> entries = new ArrayList<>();
        List<Object[]> rollup = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            List<JournalEntry> dayEntries = new ArrayList<>();
            LocalDateTime t = day.atTime(7, r.nextInt(60));
            for (String category : PLAN) {
                LocalDateTime end = t.plusMinutes(10 + r.nextInt(30));
                TimeSpan span = new TimeSpan(t.atZone(zone).toInstant(), end.atZone(zone).toInstant());
                boolean contributes = category.equals("client_interaction");
                dayEntries.add(new JournalEntry(0, user, category, span, day, (int) (span.seconds() / 60), null,
                        null, List.of(), contributes, null));
                entries.add(new Object[] {team.value(), user.value(), category, ts(span.start()), ts(span.end()), day,
                    (int) (span.seconds() / 60), contributes, ts(span.start()), ts(span.start())});
                t = end.plusMinutes(r.nextInt(8));
            }
            DayTally tally = DayTally.of(day, zone, dayEntries, List.of());
            LocalDate d = day;
            tally.seconds().forEach((category, seconds) -> rollup.add(new Object[] {team.value(), user.value(), d,
                category, category.equals("client_interaction") ? "external_connection"
                    : category.equals("firefighting") ? "firefighting" : "internal", seconds,
                tally.contributes().getOrDefault(category, 0L)}));
        }
        template.batchUpdate("""
                INSERT INTO journal_entry (team_id, user_id, category, start_at, end_at, local_day, minutes,
                    contributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, entries);
        template.batchUpdate("""
                INSERT INTO journal_day (team_id, user_id, local_day, category, category_class, seconds,
                    contributes_seconds) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, rollup);
        return entries.size();
    }

    /**
     * Clients signed over the last `signedDays` days, each with touches spread from 90 days before
     * signing to today (more before signing for some, so a share of them shows a drop).
     */
    int loadSignedClients(TeamId team, UserId owner, int clients, int touchesPerClient, LocalDate today, ZoneId zone,
                          int signedDays, Random r) {
        java.time.Instant now = today.atStartOfDay(zone).toInstant();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String name = "Bench client " + i;
            LocalDate signed = today.minusDays(1 + r.nextInt(signedDays));
            rows.add(new Object[] {team.value(), owner.value(), name, name.toLowerCase(java.util.Locale.ROOT), "B",
                "active", "external", signed, ts(now), ts(now)});
        }
        template.batchUpdate("""
                INSERT INTO client (team_id, owner_id, name, name_lower, tier, status, kind, signed_on, created_at,
                    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        List<Object[]> ids = jdbc.sql("SELECT id, signed_on FROM client WHERE team_id = ? ORDER BY id")
                .param(team.value())
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getObject("signed_on", LocalDate.class)}).list();
        String[] channels = {"email", "text", "phone", "video", "face_to_face", "chat"};
        int written = 0;
        List<Object[]> touches = new ArrayList<>();
        for (Object[] c : ids) {
            LocalDate signed = (LocalDate) c[1];
            boolean drifting = r.nextInt(4) == 0;
            long span = today.toEpochDay() - signed.minusDays(90).toEpochDay();
            for (int k = 0; k < touchesPerClient; k++) {
                long offset = drifting && r.nextInt(5) > 0 ? r.nextInt(90) : (long) (r.nextDouble() * span);
                java.time.Instant at = signed.minusDays(90).plusDays(offset).atTime(9 + r.nextInt(9), r.nextInt(60))
                        .atZone(zone).toInstant();
                touches.add(new Object[] {team.value(), c[0], owner.value(), ts(at), channels[r.nextInt(channels.length)],
                    r.nextBoolean() ? "outbound" : "inbound", false, false, ts(at)});
                if (touches.size() == 10_000) {
                    written += flushTouches(touches);
                }
            }
        }
        written += flushTouches(touches);
        return written;
    }

    private int flushTouches(List<Object[]> touches) {
        template.batchUpdate("""
                INSERT INTO touch (team_id, client_id, user_id, at, channel, direction, update_request, automated,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, touches);
        int n = touches.size();
        touches.clear();
        return n;
    }

    /** The naive nightly check: one query per signed client for its touches (N+1), then the same rule. */
    int naiveHoneymoon(TeamId team, LocalDate today, ZoneId zone, java.util.function.ToIntFunction<String> weight) {
        LocalDate[] band = dev.rapport.attention.Honeymoon.signedBetween(today);
        List<Object[]> signed = jdbc.sql("SELECT id, signed_on FROM client WHERE team_id = ? AND signed_on BETWEEN ? AND ?")
                .params(team.value(), band[0], band[1])
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getObject("signed_on", LocalDate.class)}).list();
        int dropped = 0;
        for (Object[] c : signed) {
            List<dev.rapport.attention.Honeymoon.WeightedTouch> touches = jdbc.sql(
                    "SELECT at, channel FROM touch WHERE client_id = ? AND NOT automated")
                    .param(c[0]).query((rs, n) -> new dev.rapport.attention.Honeymoon.WeightedTouch(
                            dev.rapport.shared.Sql.instant(rs, "at").atZone(zone).toLocalDate(),
                            weight.applyAsInt(rs.getString("channel")))).list();
            if (dev.rapport.attention.Honeymoon.evaluate((LocalDate) c[1], today, touches)
                    .map(dev.rapport.attention.Honeymoon.Rates::dropped).orElse(false)) {
                dropped++;
            }
        }
        return dropped;
    }

    /** The naive way: read every raw entry and timed touch of the period and tally each day in Java. */
    long naiveLoggedSeconds(TeamId team, UserId user, LocalDate first, LocalDate last, ZoneId zone) {
        List<JournalEntry> entries = jdbc.sql("""
                SELECT category, start_at, end_at, local_day, minutes, contributes FROM journal_entry
                WHERE team_id = ? AND user_id = ? AND local_day BETWEEN ? AND ?
                """).params(team.value(), user.value(), first, last)
                .query((rs, n) -> new JournalEntry(0, user, rs.getString("category"),
                        new TimeSpan(dev.rapport.shared.Sql.instant(rs, "start_at"),
                                dev.rapport.shared.Sql.instant(rs, "end_at")),
                        rs.getObject("local_day", LocalDate.class), rs.getInt("minutes"), null, null, List.of(),
                        rs.getBoolean("contributes"), null))
                .list();
        List<TimeSpan> touches = jdbc.sql("""
                SELECT at, minutes FROM touch
                WHERE team_id = ? AND user_id = ? AND at > ? AND at < ? AND minutes > 0 AND NOT automated
                """).params(team.value(), user.value(), ts(DayTally.window(first, zone).start().minusSeconds(86_400)),
                        ts(DayTally.window(last, zone).end()))
                .query((rs, n) -> {
                    java.time.Instant at = dev.rapport.shared.Sql.instant(rs, "at");
                    return new TimeSpan(at, at.plusSeconds(rs.getInt("minutes") * 60L));
                }).list();
        long total = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate d = day;
            TimeSpan window = DayTally.window(day, zone);
            total += DayTally.of(day, zone, entries.stream().filter(e -> e.day().equals(d)).toList(),
                    touches.stream().filter(t -> t.overlaps(window)).toList()).loggedSeconds();
        }
        return total;
    }

    /** The naive team view: the obvious aggregate over the raw entries per user and category. */
    int naiveTeamRows(TeamId team, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                SELECT user_id, category, SUM(minutes) AS m FROM journal_entry
                WHERE team_id = ? AND local_day BETWEEN ? AND ? GROUP BY user_id, category
                """).params(team.value(), first, last).query((rs, n) -> rs.getLong("m")).list().size();
    }

    // ---- the dashboard benchmark's generator and naive baseline ----------------------------------

    String passwordHash(UserId user) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(user.value()).query(String.class)
                .single();
    }

    List<UserId> userIds(String emailPattern) {
        return jdbc.sql("SELECT id FROM app_user WHERE email LIKE ? ORDER BY id").param(emailPattern)
                .query((rs, n) -> new UserId(rs.getLong("id"))).list();
    }

    /** The team's client ids in insertion order (identity values follow the order rows were written in). */
    List<Long> clientIds(TeamId team) {
        return jdbc.sql("SELECT id FROM client WHERE team_id = ? ORDER BY id").param(team.value())
                .query((rs, n) -> rs.getLong("id")).list();
    }

    /**
     * PostgreSQL, inside a bulk load's transaction: keeps other writers out of the table until it ends
     * and returns the next value of its identity column. The load writes its ids from there (a COPY that
     * leaves them to the column's default pays a sequence call per row: 10M touches 22-23 s instead of
     * 15.5-16 s) and then calls {@link #idsUsedUpTo}.
     */
    long lockForIds(String table) {
        template.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence(:table, 'id'))").param("table", table)
                .query(Long.class).single();
    }

    /** The identity column of the table goes on after {@code lastId}: the next insert gets a new id. */
    void idsUsedUpTo(String table, long lastId) {
        jdbc.sql("SELECT setval(pg_get_serial_sequence(:table, 'id'), :last)").param("table", table)
                .param("last", lastId).query(Long.class).single();
    }

    /** Fresh planner statistics (and, on PostgreSQL, visibility maps for index-only scans) after a bulk load. */
    void analyze() {
        analyze(List.of("app_user", "membership", "client", "touch", "journal_entry", "journal_day", "promise",
                "honeymoon", "user_day", "user_month", "client_cadence", "account_plan", "plan_activity", "deal"));
    }

    /** Fresh planner statistics (and, on PostgreSQL, the visibility map) for these tables. */
    void analyze(List<String> tables) {
        if (!isPostgres()) {
            template.execute("ANALYZE");
            return;
        }
        for (String table : tables) {
            template.execute("VACUUM ANALYZE " + table);
        }
    }

    /**
     * On PostgreSQL, writes every dirty page out now, so a timed load does not share the disk with
     * the checkpoint of what came before it. Needs superuser or pg_checkpoint; false if refused.
     */
    boolean checkpoint() {
        if (!isPostgres()) {
            return true;
        }
        try {
            template.execute("CHECKPOINT");
            return true;
        } catch (org.springframework.dao.DataAccessException e) {
            return false;
        }
    }

    /** An empty table shaped like the touch columns the generator writes, unlogged on PostgreSQL. */
    void createScratchTouchTable(String name) {
        dropTable(name);
        template.execute("CREATE " + (isPostgres() ? "UNLOGGED " : "") + "TABLE " + name + " AS SELECT team_id, "
                + "client_id, user_id, at, channel, direction, minutes, update_request, automated, created_at "
                + "FROM touch WHERE 1 = 0");
    }

    void dropTable(String name) {
        template.execute("DROP TABLE IF EXISTS " + name);
    }

    boolean isPostgres() {
        return Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) Sql::isPostgres));
    }

    /**
     * The dashboard the obvious way, over the raw tables: time from the journal entries, touches and
     * late signals from the touches of the period, every client's last touch from its touches (a group
     * over all of them) run through the cadence rule, promises, honeymoon flags. Returns a checksum.
     */
    long naiveDashboard(TeamId team, LocalDate from, LocalDate to, LocalDate today, ZoneId zone,
                        java.util.function.Function<String, int[]> cadence) {
        long sum = 0;
        sum += jdbc.sql("""
                SELECT e.user_id, c.category_class, SUM(e.minutes) AS m,
                       SUM(CASE WHEN e.contributes THEN e.minutes ELSE 0 END) AS cm
                FROM journal_entry e JOIN journal_category c ON c.team_id = e.team_id AND c.code = e.category
                WHERE e.team_id = ? AND e.local_day BETWEEN ? AND ? GROUP BY e.user_id, c.category_class
                """).params(team.value(), from, to).query((rs, n) -> rs.getLong("m") + rs.getLong("cm")).list()
                .stream().mapToLong(Long::longValue).sum();
        sum += jdbc.sql("""
                SELECT t.user_id, c.kind, COUNT(*) AS n,
                       SUM(CASE WHEN t.update_request AND t.direction = 'inbound' THEN 1 ELSE 0 END) AS late
                FROM touch t JOIN client c ON c.id = t.client_id
                WHERE t.team_id = ? AND NOT t.automated AND t.at >= ? AND t.at < ? GROUP BY t.user_id, c.kind
                """).params(team.value(), ts(from.atStartOfDay(zone).toInstant()),
                        ts(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> rs.getLong("n") + rs.getLong("late")).list()
                .stream().mapToLong(Long::longValue).sum();
        long[] standing = new long[2];
        jdbc.sql("""
                SELECT c.owner_id, c.kind, c.tier, c.ideal_days, c.max_days, c.created_at, l.last_at FROM client c
                LEFT JOIN (SELECT client_id, MAX(at) AS last_at FROM touch WHERE team_id = ? AND NOT automated
                           GROUP BY client_id) l ON l.client_id = c.id
                WHERE c.team_id = ? AND c.archived_at IS NULL
                """).params(team.value(), team.value()).query(rs -> {
                    int[] tier = cadence.apply(rs.getString("tier"));
                    Integer ideal = rs.getObject("ideal_days", Integer.class);
                    Integer max = rs.getObject("max_days", Integer.class);
                    java.time.Instant last = dev.rapport.shared.Sql.instant(rs, "last_at");
                    LocalDate base = (last != null ? last : dev.rapport.shared.Sql.instant(rs, "created_at"))
                            .atZone(zone).toLocalDate();
                    LocalDate due = last == null ? base : base.plusDays(ideal != null ? ideal : tier[0]);
                    LocalDate overdue = base.plusDays(max != null ? max : tier[1]);
                    standing[today.isAfter(overdue) ? 0 : 1] += today.isBefore(due) ? 0 : 1;
                });
        sum += standing[0] + standing[1];
        sum += jdbc.sql("""
                SELECT user_id, status, COUNT(*) AS n FROM promise
                WHERE team_id = ? AND due_on BETWEEN ? AND ? AND status IN ('kept', 'broken') GROUP BY user_id, status
                """).params(team.value(), from, to).query((rs, n) -> rs.getLong("n")).list()
                .stream().mapToLong(Long::longValue).sum();
        sum += jdbc.sql("""
                SELECT c.owner_id, c.kind, COUNT(*) AS n FROM honeymoon h JOIN client c ON c.id = h.client_id
                WHERE h.team_id = ? AND h.dropped AND c.archived_at IS NULL GROUP BY c.owner_id, c.kind
                """).param(team.value()).query((rs, n) -> rs.getLong("n")).list()
                .stream().mapToLong(Long::longValue).sum();
        return sum;
    }

    static List<Category> categories() {
        return Category.defaults();
    }
}
