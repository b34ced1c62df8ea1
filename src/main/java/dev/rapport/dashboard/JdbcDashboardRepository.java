package dev.rapport.dashboard;

import static dev.rapport.shared.Sql.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.ClientKind;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.Cursor;
import dev.rapport.shared.JdbcBulkWriter;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.Page;
import dev.rapport.shared.Sql;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/**
 * The dashboard's rollups and reads. It reads the client, touch and honeymoon tables as a read
 * model (like the attention queue does); it writes only its own tables.
 */
@Repository
class JdbcDashboardRepository implements DashboardRepository {
    private static final int BATCH = 5_000;
    private static final int ROWS_PER_INSERT = 500;
    private static final List<String> CADENCE_COLUMNS = List.of("client_id", "team_id", "owner_id", "client_kind",
            "archived", "due_on", "overdue_after");
    private static final String UPDATE_CADENCE = """
            UPDATE client_cadence SET owner_id = ?, client_kind = ?, archived = ?, due_on = ?, overdue_after = ?
            WHERE client_id = ? AND team_id = ?
            """;
    private static final String INPUT_COLUMNS = """
            id, owner_id, kind, archived_at, tier, ideal_days, max_days, rich_every_days, created_at, last_touch_at
            """;

    private final JdbcClient jdbc;
    /** Streams big reads in chunks (PostgreSQL honours a fetch size inside a transaction). */
    private final JdbcTemplate streaming;
    private final DataSource dataSource;

    JdbcDashboardRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(BATCH);
    }

    @Override
    public ZoneId teamZone(TeamId team) {
        return ZoneId.of(jdbc.sql("SELECT time_zone FROM team WHERE id = ?").param(team.value()).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("team", team)));
    }

    @Override
    public Optional<LockedInput> lockCadenceInput(TeamId team, ClientId client, TouchProbe probe) {
        // the team's zone (and the probe) in the same statement; FOR UPDATE locks the client row only
        List<Object> params = new ArrayList<>();
        String probed = "0";
        if (probe != null) {
            probed = "(SELECT COUNT(*) FROM (" + REAL_TOUCHES_IN_RANGE + ") x)";
            params.addAll(List.of(client.value(), team.value(), probe.user().value(), Sql.ts(probe.from()),
                    Sql.ts(probe.to()), probe.atMost()));
        }
        params.addAll(List.of(client.value(), team.value()));
        return jdbc.sql("SELECT " + INPUT_COLUMNS + ", (SELECT t.time_zone FROM team t WHERE t.id = client.team_id)"
                        + " AS team_zone, " + probed + " AS probed FROM client WHERE id = ? AND team_id = ? FOR UPDATE")
                .params(params)
                .query((rs, n) -> new LockedInput(input(rs, n), ZoneId.of(rs.getString("team_zone")),
                        rs.getInt("probed")))
                .optional();
    }

    /**
     * A client's real touches by one user in a range, no more than a limit: ix_touch_timeline (client_id,
     * at) reads that client's range and stops there (a client touched hundreds of times a month must not
     * make each touch read them all).
     */
    private static final String REAL_TOUCHES_IN_RANGE = """
            SELECT 1 FROM touch WHERE client_id = ? AND team_id = ? AND user_id = ? AND at >= ? AND at < ?
            AND NOT automated LIMIT ?""";

    @Override
    public List<CadenceInput> cadenceInputs(TeamId team, java.util.Collection<ClientId> clients) {
        List<CadenceInput> inputs = new ArrayList<>();
        for (List<Long> slice : Sql.slices(clients.stream().map(ClientId::value).toList(), Sql.IN_SLICE)) {
            inputs.addAll(jdbc.sql("SELECT " + INPUT_COLUMNS + " FROM client WHERE team_id = :team AND id IN (:ids)")
                    .param("team", team.value()).param("ids", slice).query(JdbcDashboardRepository::input).list());
        }
        return inputs;
    }

    @Override
    public void forEachCadenceInput(TeamId team, Consumer<CadenceInput> sink) {
        streaming.query("SELECT " + INPUT_COLUMNS + " FROM client WHERE team_id = ?",
                rs -> {
                    sink.accept(input(rs, 0));
                }, team.value());
    }

    private static CadenceInput input(ResultSet rs, int n) throws SQLException {
        return new CadenceInput(new ClientId(rs.getLong("id")), new UserId(rs.getLong("owner_id")),
                kind(rs.getString("kind")), rs.getObject("archived_at") != null, rs.getString("tier"),
                new CadenceOverride(rs.getObject("ideal_days", Integer.class), rs.getObject("max_days", Integer.class),
                        rs.getObject("rich_every_days", Integer.class)),
                instant(rs, "created_at"), instant(rs, "last_touch_at"));
    }

    private static ClientKind kind(String code) {
        return ClientKind.fromCode(code).orElse(ClientKind.EXTERNAL);
    }

    @Override
    public List<CadenceRow> cadences(TeamId team) {
        return jdbc.sql("SELECT * FROM client_cadence WHERE team_id = ? ORDER BY client_id").param(team.value())
                .query(JdbcDashboardRepository::cadenceRow).list();
    }

    @Override
    public List<CadenceRow> cadences(TeamId team, java.util.Collection<ClientId> clients) {
        List<CadenceRow> rows = new ArrayList<>();
        for (List<Long> slice : Sql.slices(clients.stream().map(ClientId::value).toList(), Sql.IN_SLICE)) {
            rows.addAll(jdbc.sql("SELECT * FROM client_cadence WHERE team_id = :team AND client_id IN (:ids)")
                    .param("team", team.value()).param("ids", slice).query(JdbcDashboardRepository::cadenceRow).list());
        }
        return rows;
    }

    private static CadenceRow cadenceRow(ResultSet rs, int n) throws SQLException {
        return new CadenceRow(new ClientId(rs.getLong("client_id")), new UserId(rs.getLong("owner_id")),
                kind(rs.getString("client_kind")), rs.getBoolean("archived"), rs.getObject("due_on", LocalDate.class),
                rs.getObject("overdue_after", LocalDate.class));
    }

    @Override
    public void saveCadence(TeamId team, CadenceRow r) {
        // the caller holds the client's row lock, so update-then-insert cannot race
        int updated = jdbc.sql(UPDATE_CADENCE).params(cadenceUpdate(team, r)).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO client_cadence (client_id, team_id, owner_id, client_kind, archived, due_on, overdue_after)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).params(r.id().value(), team.value(), r.owner().value(), r.kind().code(), r.archived(),
                    r.dueOn(), r.overdueAfter()).update();
        }
    }

    @Override
    public void saveCadences(TeamId team, List<CadenceRow> rows) {
        int[] counts = streaming.batchUpdate(UPDATE_CADENCE, rows.stream().map(r -> cadenceUpdate(team, r)).toList());
        List<CadenceRow> missing = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        insertCadences(team, missing);
    }

    private static Object[] cadenceUpdate(TeamId team, CadenceRow r) {
        return new Object[] {r.owner().value(), r.kind().code(), r.archived(), r.dueOn(), r.overdueAfter(),
            r.id().value(), team.value()};
    }

    @Override
    public void insertCadences(TeamId team, List<CadenceRow> rows) {
        List<Object[]> batch = new ArrayList<>();
        for (CadenceRow r : rows) {
            batch.add(cadenceValues(team, r));
            if (batch.size() == BATCH) {
                insertCadences(batch);
            }
        }
        insertCadences(batch);
    }

    /** A rebuild: every client of the team, streamed (COPY on PostgreSQL) in the caller's transaction. */
    @Override
    public void replaceCadences(TeamId team, List<CadenceRow> rows) {
        jdbc.sql("DELETE FROM client_cadence WHERE team_id = ?").param(team.value()).update();
        try (JdbcBulkWriter out = new JdbcBulkWriter(dataSource, "client_cadence", CADENCE_COLUMNS)) {
            for (CadenceRow r : rows) {
                out.row(cadenceValues(team, r));
            }
        }
    }

    private static Object[] cadenceValues(TeamId team, CadenceRow r) {
        return new Object[] {r.id().value(), team.value(), r.owner().value(), r.kind().code(), r.archived(),
            r.dueOn(), r.overdueAfter()};
    }

    private void insertCadences(List<Object[]> batch) {
        insertRows("client_cadence (" + String.join(", ", CADENCE_COLUMNS) + ")", batch);
    }

    /**
     * Many rows per INSERT statement (a few hundred): a bulk rebuild writes hundreds of thousands of
     * rows, and one statement per row would spend its time on round trips. Same SQL on both databases.
     */
    private void insertRows(String tableAndColumns, List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int columns = batch.get(0).length;
        String tuple = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
        for (int from = 0; from < batch.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = batch.subList(from, Math.min(batch.size(), from + ROWS_PER_INSERT));
            Object[] args = new Object[chunk.size() * columns];
            for (int i = 0; i < chunk.size(); i++) {
                System.arraycopy(chunk.get(i), 0, args, i * columns, columns);
            }
            streaming.update("INSERT INTO " + tableAndColumns + " VALUES "
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), tuple)), args);
        }
        batch.clear();
    }

    private static final String DAY_KEY = " WHERE team_id = ? AND user_id = ? AND local_day = ?";

    /**
     * Applies the assignments to the day's row, or inserts it with the fresh values when it does not
     * exist. The update goes first, as a member's day usually has a row already (one statement). If
     * another transaction inserts the same new day meanwhile, the insert waits for it and does nothing,
     * and the update, tried again, now sees that row (or, had that row been dropped again, the insert).
     */
    private void writeDay(TeamId team, DayKey k, String assignments, List<?> values, long... fresh) {
        List<Object> params = new ArrayList<Object>(values);
        params.addAll(List.of(team.value(), k.user().value(), k.day()));
        List<Object> row = new ArrayList<>(List.of(team.value(), k.user().value(), k.day()));
        for (long v : fresh) {
            row.add(v);
        }
        upsert("UPDATE user_day SET " + assignments + DAY_KEY, params, INSERT_DAY, row,
                "the day row of user " + k.user().value() + " on " + k.day());
    }

    /** {@link #writeDay}'s rule for any rollup row: update, else insert if missing, again if that raced. */
    private void upsert(String update, List<Object> updateParams, String insert, List<Object> row, String what) {
        for (int attempt = 0; attempt < 10; attempt++) {
            if (jdbc.sql(update).params(updateParams).update() > 0 || jdbc.sql(insert).params(row).update() > 0) {
                return;
            }
        }
        throw new IllegalStateException(what + " kept appearing and disappearing");
    }

    private static final String INSERT_DAY = """
            INSERT INTO user_day (team_id, user_id, local_day, logged_seconds, external_seconds,
                contributes_seconds, touches_external, touches_internal, late_external, late_internal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """;

    /** A row of zeros says nothing: the raw recomputation has none, so neither does the rollup. */
    private void dropIfEmpty(TeamId team, DayKey k) {
        jdbc.sql("DELETE FROM user_day" + DAY_KEY + " AND logged_seconds = 0 AND external_seconds = 0"
                        + " AND contributes_seconds = 0 AND touches_external = 0 AND touches_internal = 0"
                        + " AND late_external = 0 AND late_internal = 0")
                .params(team.value(), k.user().value(), k.day()).update();
    }

    @Override
    public void addTouches(TeamId team, Map<DayKey, int[]> deltas) {
        deltas.forEach((k, d) -> {
            writeDay(team, k, "touches_external = touches_external + ?, touches_internal = touches_internal + ?,"
                    + " late_external = late_external + ?, late_internal = late_internal + ?",
                    List.of(d[0], d[1], d[2], d[3]), 0, 0, 0, d[0], d[1], d[2], d[3]);
            // counts that only grew (a recorded touch) leave a touch on the day: nothing to drop
            if (d[0] < 0 || d[1] < 0 || d[2] < 0 || d[3] < 0 || d[0] + d[1] == 0) {
                dropIfEmpty(team, k);
            }
        });
    }

    @Override
    public void setTime(TeamId team, DayKey k, long logged, long external, long contributes) {
        writeDay(team, k, "logged_seconds = ?, external_seconds = ?, contributes_seconds = ?",
                List.of(logged, external, contributes), logged, external, contributes, 0, 0, 0, 0);
        if (logged == 0 && external == 0 && contributes == 0) {
            dropIfEmpty(team, k);
        }
    }

    private static final String MONTH_KEY = " WHERE team_id = ? AND user_id = ? AND month_start = ?";
    private static final String INSERT_MONTH = """
            INSERT INTO user_month (team_id, user_id, month_start, served_external, served_internal, late_external,
                late_internal) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """;

    @Override
    public void addMonths(TeamId team, Map<MonthKey, int[]> deltas) {
        deltas.forEach((k, d) -> {
            if (d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] == 0) {
                return;
            }
            List<Object> key = List.of(team.value(), k.user().value(), k.month());
            List<Object> params = new ArrayList<>(List.of(d[0], d[1], d[2], d[3]));
            params.addAll(key);
            List<Object> row = new ArrayList<>(key);
            row.addAll(List.of(d[0], d[1], d[2], d[3]));
            upsert("UPDATE user_month SET served_external = served_external + ?, served_internal = served_internal + ?,"
                    + " late_external = late_external + ?, late_internal = late_internal + ?" + MONTH_KEY, params,
                    INSERT_MONTH, row, "the month row of user " + k.user().value() + " in " + k.month());
            if (d[0] < 0 || d[1] < 0 || d[2] < 0 || d[3] < 0) {
                jdbc.sql("DELETE FROM user_month" + MONTH_KEY + " AND served_external = 0 AND served_internal = 0"
                        + " AND late_external = 0 AND late_internal = 0").params(key).update();
            }
        });
    }

    @Override
    public int realTouchCount(TeamId team, ClientId client, UserId user, java.time.Instant from, java.time.Instant to,
                              int atMost) {
        return jdbc.sql("SELECT COUNT(*) FROM (" + REAL_TOUCHES_IN_RANGE + ") x")
                .params(client.value(), team.value(), user.value(), Sql.ts(from), Sql.ts(to), atMost)
                .query(Integer.class).single();
    }

    private static MonthTotals monthTotals(ResultSet rs, int n) throws SQLException {
        return new MonthTotals(new UserId(rs.getLong("user_id")), rs.getObject("month_start", LocalDate.class),
                rs.getInt("served_external"), rs.getInt("served_internal"), rs.getInt("late_external"),
                rs.getInt("late_internal"));
    }

    private static final String MONTH_COLUMNS = """
            user_id, month_start, served_external, served_internal, late_external, late_internal
            """;

    @Override
    public List<MonthTotals> userMonths(TeamId team) {
        return jdbc.sql("SELECT " + MONTH_COLUMNS + " FROM user_month WHERE team_id = ? ORDER BY user_id, month_start")
                .param(team.value()).query(JdbcDashboardRepository::monthTotals).list();
    }

    @Override
    public List<MonthTotals> userMonths(TeamId team, UserId only, LocalDate fromMonth, LocalDate toMonth) {
        return jdbc.sql("SELECT " + MONTH_COLUMNS + " FROM user_month WHERE team_id = :team"
                        + " AND month_start BETWEEN :from AND :to" + (only == null ? "" : " AND user_id = :user"))
                .param("team", team.value()).param("from", fromMonth).param("to", toMonth)
                .param("user", only == null ? null : only.value())
                .query(JdbcDashboardRepository::monthTotals).list();
    }

    /** A rebuild: every user-month of the team (COPY on PostgreSQL) in the caller's transaction; built now. */
    @Override
    public void replaceUserMonths(TeamId team, List<MonthTotals> rows) {
        jdbc.sql("DELETE FROM user_month WHERE team_id = ?").param(team.value()).update();
        jdbc.sql("DELETE FROM user_month_backfill WHERE team_id = ?").param(team.value()).update();
        try (JdbcBulkWriter out = new JdbcBulkWriter(dataSource, "user_month", List.of("team_id", "user_id",
                "month_start", "served_external", "served_internal", "late_external", "late_internal"))) {
            for (MonthTotals r : rows) {
                out.row(team.value(), r.user().value(), r.month(), r.servedExternal(), r.servedInternal(),
                        r.lateExternal(), r.lateInternal());
            }
        }
    }

    private static final String TOTALS = """
            SUM(logged_seconds) AS logged, SUM(external_seconds) AS ext, SUM(contributes_seconds) AS contributes,
            SUM(touches_external) AS te, SUM(touches_internal) AS ti, SUM(late_external) AS le,
            SUM(late_internal) AS li
            """;

    private static DayTotals totals(ResultSet rs, UserId user, LocalDate day) throws SQLException {
        return new DayTotals(user, day, rs.getLong("logged"), rs.getLong("ext"), rs.getLong("contributes"),
                rs.getInt("te"), rs.getInt("ti"), rs.getInt("le"), rs.getInt("li"));
    }

    @Override
    public List<DayTotals> userDays(TeamId team) {
        return jdbc.sql("SELECT user_id, local_day, " + TOTALS + " FROM user_day WHERE team_id = ?"
                        + " GROUP BY user_id, local_day ORDER BY user_id, local_day").param(team.value())
                .query((rs, n) -> totals(rs, new UserId(rs.getLong("user_id")),
                        rs.getObject("local_day", LocalDate.class)))
                .list();
    }

    /** A rebuild: every user-day of the team, streamed (COPY on PostgreSQL) in the caller's transaction. */
    @Override
    public void replaceUserDays(TeamId team, List<DayTotals> rows) {
        jdbc.sql("DELETE FROM user_day WHERE team_id = ?").param(team.value()).update();
        try (JdbcBulkWriter out = new JdbcBulkWriter(dataSource, "user_day", List.of("team_id", "user_id",
                "local_day", "logged_seconds", "external_seconds", "contributes_seconds", "touches_external",
                "touches_internal", "late_external", "late_internal"))) {
            for (DayTotals r : rows) {
                out.row(team.value(), r.user().value(), r.day(), r.loggedSeconds(), r.externalSeconds(),
                        r.contributesSeconds(), r.touchesExternal(), r.touchesInternal(), r.lateExternal(),
                        r.lateInternal());
            }
        }
    }

    @Override
    public void forEachJournalDay(TeamId team, Consumer<DayTotals> sink) {
        streaming.query("""
                SELECT user_id, local_day, SUM(seconds) AS logged, SUM(contributes_seconds) AS contributes,
                       SUM(CASE WHEN category_class = 'external_connection' THEN seconds ELSE 0 END) AS ext
                FROM journal_day WHERE team_id = ? GROUP BY user_id, local_day
                """, rs -> {
                    sink.accept(new DayTotals(new UserId(rs.getLong("user_id")), rs.getObject("local_day",
                            LocalDate.class), rs.getLong("logged"), rs.getLong("ext"), rs.getLong("contributes"),
                            0, 0, 0, 0));
                }, team.value());
    }

    private static final String REAL_TOUCHES = """
            SELECT t.client_id, t.user_id, t.at, t.direction, t.update_request, c.kind FROM touch t
            JOIN client c ON c.id = t.client_id AND c.team_id = t.team_id
            WHERE t.team_id = ? AND NOT t.automated
            """;

    @Override
    public List<RealTouch> realTouches(TeamId team, ClientId client) {
        return jdbc.sql(REAL_TOUCHES + " AND t.client_id = ?").params(team.value(), client.value())
                .query(JdbcDashboardRepository::realTouch).list();
    }

    @Override
    public void forEachRealTouch(TeamId team, Consumer<RealTouch> sink) {
        streaming.query(REAL_TOUCHES, rs -> {
            sink.accept(realTouch(rs, 0));
        }, team.value());
    }

    private static RealTouch realTouch(ResultSet rs, int n) throws SQLException {
        // the same rule as Touch.lateSignal(): an inbound "any update?" that is not automated
        boolean late = rs.getBoolean("update_request") && "inbound".equals(rs.getString("direction"));
        return new RealTouch(new ClientId(rs.getLong("client_id")), new UserId(rs.getLong("user_id")),
                instant(rs, "at"), late, kind(rs.getString("kind")));
    }

    @Override
    public List<TeamId> teamsNeedingCadences() {
        // kinds compared only where the client's is one the rules know: an unknown code counts as
        // external in the rollup and must not make every start rebuild the team
        return jdbc.sql("""
                SELECT DISTINCT c.team_id FROM client c
                LEFT JOIN client_cadence d ON d.client_id = c.id AND d.team_id = c.team_id
                WHERE d.client_id IS NULL OR d.owner_id <> c.owner_id
                   OR (d.client_kind <> c.kind AND c.kind IN ('external', 'internal'))
                   OR d.archived <> (c.archived_at IS NOT NULL)
                """).query((rs, n) -> new TeamId(rs.getLong("team_id"))).list();
    }

    @Override
    public List<TeamId> teamsNeedingMonths() {
        return jdbc.sql("SELECT team_id FROM user_month_backfill ORDER BY team_id")
                .query((rs, n) -> new TeamId(rs.getLong("team_id"))).list();
    }

    @Override
    public void lockMembers(TeamId team) {
        // in user id order, so that two rebuilds of a team (two instances starting) cannot deadlock
        jdbc.sql("SELECT user_id FROM membership WHERE team_id = ? ORDER BY user_id FOR UPDATE").param(team.value())
                .query(Long.class).list();
    }

    // ---- reads ------------------------------------------------------------------------------------

    @Override
    public List<CadenceCount> cadenceCounts(TeamId team, UserId only, LocalDate today) {
        // overdue implies due (due_on <= overdue_after), so the due_on range bounds the rows read
        return jdbc.sql("""
                SELECT owner_id, client_kind, SUM(CASE WHEN overdue_after < :today THEN 1 ELSE 0 END) AS overdue,
                       COUNT(*) AS due
                FROM client_cadence WHERE team_id = :team AND archived = FALSE AND due_on <= :today
                """ + (only == null ? "" : " AND owner_id = :user") + " GROUP BY owner_id, client_kind")
                .param("team", team.value()).param("today", today).param("user", only == null ? null : only.value())
                .query((rs, n) -> new CadenceCount(new UserId(rs.getLong("owner_id")), kind(rs.getString("client_kind")),
                        rs.getInt("overdue"), rs.getInt("due")))
                .list();
    }

    @Override
    public List<UserTotals> userTotals(TeamId team, UserId only, LocalDate from, LocalDate to, LocalDate otherFrom,
                                       LocalDate otherTo) {
        boolean other = otherFrom != null;
        String in = "CASE WHEN local_day BETWEEN :from AND :to THEN %s ELSE 0 END";
        String inOther = "CASE WHEN local_day BETWEEN :otherFrom AND :otherTo THEN %s ELSE 0 END";
        StringBuilder sql = new StringBuilder("SELECT user_id");
        for (String[] c : new String[][] {{"logged_seconds", "logged"}, {"external_seconds", "ext"},
            {"contributes_seconds", "contributes"}, {"touches_external", "te"}, {"touches_internal", "ti"},
            {"late_external", "le"}, {"late_internal", "li"}}) {
            sql.append(", SUM(").append(other ? in.formatted(c[0]) : c[0]).append(") AS ").append(c[1]);
        }
        if (other) {
            sql.append(", SUM(").append(inOther.formatted("logged_seconds")).append(") AS other_logged")
                    .append(", SUM(").append(inOther.formatted("external_seconds")).append(") AS other_ext");
        }
        sql.append(" FROM user_day WHERE team_id = :team AND local_day BETWEEN :low AND :high")
                .append(only == null ? "" : " AND user_id = :user").append(" GROUP BY user_id");
        return jdbc.sql(sql.toString())
                .param("team", team.value()).param("from", from).param("to", to)
                .param("otherFrom", otherFrom).param("otherTo", otherTo)
                .param("low", other && otherFrom.isBefore(from) ? otherFrom : from)
                .param("high", other && otherTo.isAfter(to) ? otherTo : to)
                .param("user", only == null ? null : only.value())
                .query((rs, n) -> new UserTotals(totals(rs, new UserId(rs.getLong("user_id")), null),
                        other ? rs.getLong("other_logged") : 0, other ? rs.getLong("other_ext") : 0))
                .list();
    }

    @Override
    public List<DayTotals> dayTotals(TeamId team, UserId only, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT local_day, " + TOTALS + " FROM user_day"
                        + " WHERE team_id = :team AND local_day BETWEEN :from AND :to"
                        + (only == null ? "" : " AND user_id = :user") + " GROUP BY local_day")
                .param("team", team.value()).param("from", from).param("to", to)
                .param("user", only == null ? null : only.value())
                .query((rs, n) -> totals(rs, null, rs.getObject("local_day", LocalDate.class)))
                .list();
    }

    @Override
    public List<KindCount> honeymoonFlags(TeamId team, UserId only) {
        return jdbc.sql("""
                SELECT d.owner_id, d.client_kind, COUNT(*) AS n FROM honeymoon h
                JOIN client_cadence d ON d.client_id = h.client_id
                WHERE h.team_id = :team AND h.dropped AND d.team_id = :team AND d.archived = FALSE
                """ + (only == null ? "" : " AND d.owner_id = :user") + " GROUP BY d.owner_id, d.client_kind")
                .param("team", team.value()).param("user", only == null ? null : only.value())
                .query((rs, n) -> new KindCount(new UserId(rs.getLong("owner_id")), kind(rs.getString("client_kind")),
                        rs.getInt("n")))
                .list();
    }

    @Override
    public Page<CadenceRow> overdue(TeamId team, UserId owner, ClientKind kind, LocalDate today, String cursor,
                                    int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT * FROM client_cadence WHERE team_id = :team AND owner_id = :owner AND archived = FALSE
                AND overdue_after < :today
                """);
        Map<String, Object> p = new HashMap<>();
        p.put("team", team.value());
        p.put("owner", owner.value());
        p.put("today", today);
        if (kind != null) {
            sql.append(" AND client_kind = :kind");
            p.put("kind", kind.code());
        }
        if (cursor != null) {
            Cursor.After<LocalDate> after = Cursor.after(cursor, Cursor::date);
            p.put("afterDate", after.key());
            p.put("afterId", after.id());
            sql.append(" AND (overdue_after > :afterDate OR (overdue_after = :afterDate AND client_id > :afterId))");
        }
        sql.append(" ORDER BY overdue_after, client_id LIMIT :limit");
        p.put("limit", limit + 1);
        return Page.cut(jdbc.sql(sql.toString()).params(p).query(JdbcDashboardRepository::cadenceRow).list(), limit,
                last -> Cursor.after(last.overdueAfter(), last.id().value()));
    }
}
