package dev.rapport.promises;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.Cursor;
import dev.rapport.shared.Page;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

@Repository
class JdbcPromiseRepository implements PromiseRepository {
    private static final String COLUMNS = """
            id, client_id, user_id, text, made_on, due_on, original_due_on, status, renegotiations, reason,
            closed_at, created_at
            """;

    /** Pending promises flagged as a colleague's (V21) on the :owner's active clients of :team. */
    private static final String COLLEAGUES_PENDING = "SELECT " + COLUMNS.replaceAll("(\\w+)", "p.$1") + """
             FROM promise p JOIN client c ON c.id = p.client_id
             WHERE p.team_id = :team AND p.for_colleague AND c.team_id = :team AND c.owner_id = :owner
               AND c.archived_at IS NULL AND p.status IN ('open', 'renegotiated')
            """;

    private final JdbcClient jdbc;

    JdbcPromiseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long insert(TeamId team, Promise p, boolean forColleague) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO promise (team_id, client_id, user_id, text, made_on, due_on, original_due_on, status,
                    renegotiations, reason, closed_at, created_at, for_colleague)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(team.value(), p.clientId().value(), p.userId().value(), p.text(), p.madeOn(), p.dueOn(),
                p.originalDueOn(), p.status().code(), p.renegotiations(), p.reason(), ts(p.closedAt()),
                ts(p.createdAt()), forColleague).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    @Override
    public Optional<Promise> find(TeamId team, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM promise WHERE id = ? AND team_id = ?").params(id, team.value())
                .query(JdbcPromiseRepository::promise).optional();
    }

    @Override
    public void save(TeamId team, Promise p) {
        jdbc.sql("""
                UPDATE promise SET due_on = ?, status = ?, renegotiations = ?, reason = ?, closed_at = ?
                WHERE id = ? AND team_id = ?
                """).params(p.dueOn(), p.status().code(), p.renegotiations(), p.reason(), ts(p.closedAt()), p.id(),
                team.value()).update();
    }

    @Override
    public List<Promise> list(TeamId team, UserId user, ClientId client, List<PromiseStatus> statuses) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = filtered(team, user, client, statuses, p).append(" ORDER BY due_on, id");
        return jdbc.sql(sql.toString()).params(p).query(JdbcPromiseRepository::promise).list();
    }

    @Override
    public Page<Promise> page(TeamId team, UserId user, ClientId client, List<PromiseStatus> statuses,
                              Cursor.After<LocalDate> after, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = filtered(team, user, client, statuses, p);
        if (after != null) {
            sql.append(" AND (due_on > :afterDue OR (due_on = :afterDue AND id > :afterId))");
            p.put("afterDue", after.key());
            p.put("afterId", after.id());
        }
        sql.append(" ORDER BY due_on, id LIMIT :limit");
        p.put("limit", limit + 1);
        return Page.cut(jdbc.sql(sql.toString()).params(p).query(JdbcPromiseRepository::promise).list(), limit,
                last -> Cursor.after(last.dueOn(), last.id()));
    }

    @Override
    public List<Promise> recentlyClosed(TeamId team, UserId user, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM promise WHERE team_id = ? AND user_id = ? AND status IN ('kept', 'broken')
                   AND closed_at IS NOT NULL
                 ORDER BY closed_at DESC, id LIMIT ?
                """).params(team.value(), user.value(), limit).query(JdbcPromiseRepository::promise).list();
    }

    private static StringBuilder filtered(TeamId team, UserId user, ClientId client, List<PromiseStatus> statuses,
                                          Map<String, Object> p) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM promise WHERE team_id = :team AND status IN (:statuses)");
        p.put("team", team.value());
        p.put("statuses", statuses.stream().map(PromiseStatus::code).toList());
        if (user != null) {
            sql.append(" AND user_id = :user");
            p.put("user", user.value());
        }
        if (client != null) {
            sql.append(" AND client_id = :client");
            p.put("client", client.value());
        }
        return sql;
    }

    @Override
    public List<Promise> colleaguesPendingForOwner(TeamId team, UserId owner) {
        // without the owner's own (a flag set while a colleague owned the client): their list has those
        return jdbc.sql(COLLEAGUES_PENDING + " AND p.user_id <> :owner ORDER BY p.due_on, p.id")
                .param("team", team.value()).param("owner", owner.value())
                .query(JdbcPromiseRepository::promise).list();
    }

    @Override
    public List<Promise> pendingForOwner(TeamId team, UserId owner, LocalDate from, LocalDate to) {
        // the owner's own (their index), and colleagues' (flagged: few) on clients the owner has now
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM promise WHERE team_id = :team AND user_id = :owner AND NOT for_colleague
                   AND status IN ('open', 'renegotiated') AND due_on BETWEEN :from AND :to
                UNION ALL
                """ + COLLEAGUES_PENDING + " AND p.due_on BETWEEN :from AND :to ORDER BY due_on, id")
                .param("team", team.value()).param("owner", owner.value()).param("from", from).param("to", to)
                .query(JdbcPromiseRepository::promise).list();
    }

    @Override
    public List<Promise> pendingDueBy(TeamId team, UserId user, LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM promise WHERE team_id = ? AND user_id = ? AND status IN ('open', 'renegotiated') AND due_on <= ?
                 ORDER BY due_on, id
                """).params(team.value(), user.value(), day).query(JdbcPromiseRepository::promise).list();
    }

    @Override
    public long[] keptAndBroken(TeamId team, UserId user, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT SUM(CASE WHEN status = 'kept' THEN 1 ELSE 0 END) AS kept,
                       SUM(CASE WHEN status = 'broken' THEN 1 ELSE 0 END) AS broken
                FROM promise WHERE team_id = ? AND user_id = ? AND due_on BETWEEN ? AND ?
                """).params(team.value(), user.value(), from, to)
                .query((rs, n) -> new long[] {rs.getLong("kept"), rs.getLong("broken")}).single();
    }

    @Override
    public List<PromiseService.ClosedCount> keptAndBrokenByTeam(TeamId team, UserId only, LocalDate from,
                                                                LocalDate to, boolean byDay) {
        String key = byDay ? "due_on" : "user_id";
        return jdbc.sql("SELECT " + key + ", SUM(CASE WHEN status = 'kept' THEN 1 ELSE 0 END) AS kept,"
                        + " SUM(CASE WHEN status = 'broken' THEN 1 ELSE 0 END) AS broken FROM promise"
                        + " WHERE team_id = :team AND due_on BETWEEN :from AND :to AND status IN ('kept', 'broken')"
                        + (only == null ? "" : " AND user_id = :user") + " GROUP BY " + key)
                .param("team", team.value()).param("from", from).param("to", to)
                .param("user", only == null ? null : only.value())
                .query((rs, n) -> new PromiseService.ClosedCount(byDay ? null : new UserId(rs.getLong("user_id")),
                        byDay ? rs.getObject("due_on", LocalDate.class) : null, rs.getLong("kept"),
                        rs.getLong("broken")))
                .list();
    }

    @Override
    public int breakOverdue(Instant now, java.util.function.BiConsumer<TeamId, List<UserId>> brokeFor) {
        int broken = 0;
        // each team's calendar day: a promise due on the 23rd breaks once the 24th has begun there
        for (var team : jdbc.sql("SELECT id, time_zone FROM team").query((rs, n) -> new Object[] {rs.getLong("id"),
                rs.getString("time_zone")}).list()) {
            LocalDate today = LocalDate.ofInstant(now, ZoneId.of((String) team[1]));
            // their clients' owners, whose queues hold them
            List<UserId> users = jdbc.sql("""
                    SELECT DISTINCT c.owner_id FROM promise p JOIN client c ON c.id = p.client_id
                    WHERE p.team_id = ? AND c.team_id = ? AND p.status IN ('open', 'renegotiated') AND p.due_on < ?
                    """).params(team[0], team[0], today).query((rs, n) -> new UserId(rs.getLong("owner_id"))).list();
            if (users.isEmpty()) {
                continue;
            }
            brokeFor.accept(new TeamId((Long) team[0]), users);
            broken += jdbc.sql("""
                    UPDATE promise SET status = 'broken', closed_at = ?, reason = COALESCE(reason, 'not kept by its due date')
                    WHERE team_id = ? AND status IN ('open', 'renegotiated') AND due_on < ?
                    """).params(ts(now), team[0], today).update();
        }
        return broken;
    }


    private static Promise promise(ResultSet rs, int n) throws SQLException {
        return new Promise(rs.getLong("id"), new ClientId(rs.getLong("client_id")), new UserId(rs.getLong("user_id")),
                rs.getString("text"), rs.getObject("made_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("original_due_on", LocalDate.class),
                PromiseStatus.fromCode(rs.getString("status")).orElseThrow(), rs.getInt("renegotiations"),
                rs.getString("reason"), instant(rs, "closed_at"), instant(rs, "created_at"));
    }
}
