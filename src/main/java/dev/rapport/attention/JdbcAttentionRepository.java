package dev.rapport.attention;

import static dev.rapport.shared.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

@Repository
class JdbcAttentionRepository implements AttentionRepository {
    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    JdbcAttentionRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public List<TierCadence> cadences(TeamId team) {
        return jdbc.sql("""
                SELECT tier, tier_rank, ideal_days, max_days, rich_every_days FROM tier_cadence
                WHERE team_id = ? ORDER BY tier_rank DESC, tier
                """).param(team.value())
                .query((rs, n) -> new TierCadence(rs.getString("tier"), rs.getInt("tier_rank"), rs.getInt("ideal_days"),
                        rs.getInt("max_days"), rs.getObject("rich_every_days", Integer.class)))
                .list();
    }

    @Override
    public void replaceCadences(TeamId team, List<TierCadence> cadences) {
        jdbc.sql("DELETE FROM tier_cadence WHERE team_id = ?").param(team.value()).update();
        for (TierCadence c : cadences) {
            jdbc.sql("""
                    INSERT INTO tier_cadence (team_id, tier, tier_rank, ideal_days, max_days, rich_every_days)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).params(team.value(), c.tier(), c.rank(), c.idealDays(), c.maxDays(), c.richEveryDays())
                    .update();
        }
    }

    @Override
    public List<Snooze> activeSnoozes(TeamId team, UserId user, LocalDate today) {
        return jdbc.sql("SELECT client_id, until_date, reason, created_at FROM snooze"
                        + " WHERE team_id = ? AND user_id = ? AND until_date > ?")
                .params(team.value(), user.value(), today).query(JdbcAttentionRepository::snooze).list();
    }

    @Override
    public void saveSnooze(TeamId team, UserId user, Snooze s) {
        deleteSnooze(team, s.clientId());
        jdbc.sql("""
                INSERT INTO snooze (team_id, client_id, user_id, until_date, reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(team.value(), s.clientId().value(), user.value(), s.until(), s.reason(),
                ts(s.createdAt())).update();
    }

    @Override
    public boolean deleteSnooze(TeamId team, ClientId client) {
        return jdbc.sql("DELETE FROM snooze WHERE team_id = ? AND client_id = ?")
                .params(team.value(), client.value()).update() > 0;
    }

    @Override
    public Optional<Snooze> snooze(TeamId team, ClientId client) {
        return jdbc.sql("SELECT client_id, until_date, reason, created_at FROM snooze WHERE team_id = ? AND client_id = ?")
                .params(team.value(), client.value()).query(JdbcAttentionRepository::snooze).optional();
    }

    /** Deletes and re-inserts in batches: the nightly job writes thousands of flags at once. */
    @Override
    public void saveHoneymoon(TeamId team, java.util.Map<ClientId, Honeymoon.Rates> rates, LocalDate today) {
        List<Long> ids = rates.keySet().stream().map(ClientId::value).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("DELETE FROM honeymoon WHERE team_id = :team AND client_id IN (:ids)")
                    .param("team", team.value()).param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .update();
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        rates.forEach((client, r) -> {
            if (r != null) {
                rows.add(new Object[] {client.value(), team.value(), r.before(), r.after(), r.dropped(), today});
            }
        });
        template.batchUpdate("""
                INSERT INTO honeymoon (client_id, team_id, before_rate, after_rate, dropped, evaluated_on)
                VALUES (?, ?, ?, ?, ?, ?)
                """, rows);
    }

    @Override
    public java.util.Map<ClientId, Honeymoon.Rates> honeymoonDrops(TeamId team, UserId owner) {
        java.util.Map<ClientId, Honeymoon.Rates> drops = new java.util.HashMap<>();
        // a read model over the client table: whose clients they are decides whose queue shows them
        jdbc.sql("""
                SELECT h.client_id, h.before_rate, h.after_rate FROM honeymoon h
                JOIN client c ON c.team_id = h.team_id AND c.id = h.client_id
                WHERE h.team_id = :team AND h.dropped AND c.archived_at IS NULL
                """ + (owner == null ? "" : " AND c.owner_id = :owner"))
                .params(owner == null ? java.util.Map.of("team", team.value())
                        : java.util.Map.of("team", team.value(), "owner", owner.value()))
                .query(rs -> {
                    drops.put(new ClientId(rs.getLong("client_id")), new Honeymoon.Rates(rs.getDouble("before_rate"),
                            rs.getDouble("after_rate"), true));
                });
        return drops;
    }

    @Override
    public Optional<Honeymoon.Rates> honeymoonDrop(TeamId team, ClientId client) {
        return jdbc.sql("SELECT before_rate, after_rate FROM honeymoon WHERE team_id = ? AND client_id = ? AND dropped")
                .params(team.value(), client.value())
                .query((rs, n) -> new Honeymoon.Rates(rs.getDouble("before_rate"), rs.getDouble("after_rate"), true))
                .optional();
    }

    @Override
    public List<TeamId> teams() {
        return jdbc.sql("SELECT id FROM team ORDER BY id").query(Long.class).list().stream().map(TeamId::new).toList();
    }

    @Override
    public java.time.ZoneId teamZone(TeamId team) {
        return java.time.ZoneId.of(jdbc.sql("SELECT time_zone FROM team WHERE id = ?").param(team.value())
                .query(String.class).single());
    }


    private static Snooze snooze(ResultSet rs, int n) throws SQLException {
        return new Snooze(new ClientId(rs.getLong("client_id")), rs.getObject("until_date", LocalDate.class),
                rs.getString("reason"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
