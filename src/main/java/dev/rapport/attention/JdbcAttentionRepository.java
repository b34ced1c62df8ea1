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

    JdbcAttentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    private static Snooze snooze(ResultSet rs, int n) throws SQLException {
        return new Snooze(new ClientId(rs.getLong("client_id")), rs.getObject("until_date", LocalDate.class),
                rs.getString("reason"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
