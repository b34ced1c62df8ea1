package dev.rapport.bench;

import static dev.rapport.shared.Sql.ts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.rapport.clients.Channel;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.Sql;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/**
 * The naive baselines of `bench run`: each hot path the obvious way over the raw tables, with no
 * rollup column read, so the ratio shows what the rollups and keyset pages buy.
 */
@Repository
class JdbcHotPathData {
    /** Every client's last real touch from its touches, the question every naive hot path starts from. */
    private static final String LAST_TOUCH = """
            SELECT c.id, c.name, c.tier, c.ideal_days, c.max_days, c.created_at, MAX(t.at) AS last_at
            FROM client c LEFT JOIN touch t ON t.client_id = c.id AND NOT t.automated
            WHERE c.team_id = :team AND c.archived_at IS NULL %s
            GROUP BY c.id, c.name, c.tier, c.ideal_days, c.max_days, c.created_at
            """;

    private final JdbcClient jdbc;
    private final dev.rapport.shared.QueueVersions versions;

    JdbcHotPathData(JdbcClient jdbc, dev.rapport.shared.QueueVersions versions) {
        this.versions = versions;
        this.jdbc = jdbc;
    }

    /** A client as the naive queries see it: its cadence inputs and its last touch computed from touches. */
    record RawClient(long id, String name, String tier, Integer idealDays, Integer maxDays, Instant createdAt,
                     Instant lastAt) {
    }

    /**
     * The naive queue: last touch per client from the touches, then the tier cadence in Java; the
     * clients due or overdue, most overdue first. Returns how many need contact.
     */
    int naiveQueue(TeamId team, UserId owner, LocalDate today, ZoneId zone, Function<String, int[]> cadence) {
        List<long[]> due = new ArrayList<>();
        for (RawClient c : rawClients(team, owner, "AND c.owner_id = :owner AND c.status = 'active'", "")) {
            int[] tier = cadence.apply(c.tier());
            LocalDate base = (c.lastAt() != null ? c.lastAt() : c.createdAt()).atZone(zone).toLocalDate();
            LocalDate dueOn = c.lastAt() == null ? base : base.plusDays(c.idealDays() != null ? c.idealDays() : tier[0]);
            if (!today.isBefore(dueOn)) {
                due.add(new long[] {c.id(), ChronoUnit.DAYS.between(dueOn, today)});
            }
        }
        due.sort(Comparator.comparingLong((long[] d) -> -d[1]).thenComparingLong(d -> d[0]));
        return due.size();
    }

    /**
     * The naive list page: every visible client grouped with its touches, ordered by the computed last
     * touch (never touched first), OFFSET paging; days since the last touch computed in Java.
     */
    List<Long> naiveListPage(TeamId team, UserId owner, int offset, int limit, LocalDate today, ZoneId zone, int run) {
        // owner null: a manager's view of the whole team; the no-op id test differs per run, since H2 answers
        // the very same query from the last result when nothing was written in between
        String filter = "AND c.id <> " + (-1L - run) + (owner == null ? "" : " AND (c.owner_id = :owner OR c.shared)");
        return rawClients(team, owner, filter, " ORDER BY MAX(t.at) NULLS FIRST, c.id OFFSET " + offset + " ROWS FETCH NEXT "
                + limit + " ROWS ONLY").stream()
                .map(c -> c.lastAt() == null ? -1 : ChronoUnit.DAYS.between(c.lastAt().atZone(zone).toLocalDate(), today))
                .toList();
    }

    /** owner null: every client of the team (the filter must not name :owner then). */
    private List<RawClient> rawClients(TeamId team, UserId owner, String filter, String tail) {
        var sql = jdbc.sql(LAST_TOUCH.formatted(filter) + tail).param("team", team.value());
        if (owner != null) {
            sql = sql.param("owner", owner.value());
        }
        return sql.query((rs, n) -> new RawClient(rs.getLong("id"), rs.getString("name"), rs.getString("tier"),
                        rs.getObject("ideal_days", Integer.class), rs.getObject("max_days", Integer.class),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "last_at"))).list();
    }

    /** The naive timeline page: the client's whole history read and sorted in Java, the newest `limit` kept. */
    int naiveTimeline(TeamId team, ClientId client, int limit) {
        List<Instant> all = new ArrayList<>(jdbc.sql("""
                SELECT id, at, channel, direction, minutes, note, rating, update_request, automated FROM touch
                WHERE team_id = ? AND client_id = ?
                """).params(team.value(), client.value()).query((rs, n) -> Sql.instant(rs, "at")).list());
        all.sort(Comparator.reverseOrder());
        return Math.min(limit, all.size());
    }

    private static final String NAIVE_NOTE = "bench: naive write";

    /** The naive write: insert the touch, then recompute the client's four rollups from all its touches. */
    void naiveRecordTouch(TeamId team, ClientId client, UserId user, Instant at, Channel channel, boolean outbound,
                          Set<Channel> rich) {
        jdbc.sql("""
                INSERT INTO touch (team_id, client_id, user_id, at, channel, direction, minutes, note,
                    update_request, automated, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, ?)
                """).params(team.value(), client.value(), user.value(), ts(at), channel.code(),
                outbound ? "outbound" : "inbound", 5, NAIVE_NOTE, ts(at)).update();
        recomputeRollups(team, client, rich);
    }

    /** The client's rollups from its raw touches, by the same rules as Rollups (automated ones count for nothing). */
    void recomputeRollups(TeamId team, ClientId client, Set<Channel> rich) {
        String richCodes = rich.isEmpty() ? "''" : String.join(", ", rich.stream().map(c -> "'" + c.code() + "'")
                .toList());
        jdbc.sql("""
                UPDATE client SET
                    last_touch_at = (SELECT MAX(at) FROM touch WHERE client_id = :id AND NOT automated),
                    last_rich_at = (SELECT MAX(at) FROM touch WHERE client_id = :id AND NOT automated
                                    AND channel IN (%s)),
                    last_outbound_at = (SELECT MAX(at) FROM touch WHERE client_id = :id AND NOT automated
                                        AND direction = 'outbound'),
                    last_update_request_at = (SELECT MAX(at) FROM touch WHERE client_id = :id AND NOT automated
                                              AND update_request AND direction = 'inbound')
                WHERE id = :id AND team_id = :team
                """.formatted(richCodes)).param("id", client.value()).param("team", team.value()).update();
    }

    /** Removes the naive path's touches again (they bypassed the dashboard rollups) and restores the rollups. */
    int deleteNaiveTouches(TeamId team, ClientId client, Set<Channel> rich) {
        int n = jdbc.sql("DELETE FROM touch WHERE team_id = ? AND client_id = ? AND note = ?")
                .params(team.value(), client.value(), NAIVE_NOTE).update();
        recomputeRollups(team, client, rich);
        // the naive writes bypassed the versions (as the obvious code would); a cached queue is stale now
        versions.clientsChanged(team, List.of(client));
        return n;
    }

    /** How many clients earlier runs wrote their touches to (named with this prefix). */
    int countNamed(TeamId team, String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM client WHERE team_id = ? AND name LIKE ?")
                .params(team.value(), prefix + "%").query(Integer.class).single();
    }

    /** Clients of one owner, for rotating the timeline case over different clients. */
    List<ClientId> clientsOf(TeamId team, UserId owner, int limit) {
        return jdbc.sql("SELECT id FROM client WHERE team_id = ? AND owner_id = ? AND archived_at IS NULL ORDER BY id "
                + "FETCH FIRST " + limit + " ROWS ONLY").params(team.value(), owner.value())
                .query((rs, n) -> new ClientId(rs.getLong("id"))).list();
    }
}
