package dev.rapport.exchange;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

@Repository
class JdbcCalendarFeedRepository implements CalendarFeedRepository {
    private final JdbcClient jdbc;

    JdbcCalendarFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CalendarFeed> find(TeamId team, UserId user) {
        return jdbc.sql("SELECT created_at, last_fetched_at FROM calendar_feed WHERE team_id = ? AND user_id = ?")
                .params(team.value(), user.value())
                .query((rs, n) -> new CalendarFeed(instant(rs, "created_at"), instant(rs, "last_fetched_at")))
                .optional();
    }

    @Override
    public void save(TeamId team, UserId user, String tokenHash, Instant now) {
        // update, else insert; a concurrent insert wins the race and we replace its token
        if (replace(team, user, tokenHash, now) == 0 && jdbc.sql("""
                INSERT INTO calendar_feed (team_id, user_id, token_hash, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(team.value(), user.value(), tokenHash, ts(now)).update() == 0) {
            replace(team, user, tokenHash, now);
        }
    }

    private int replace(TeamId team, UserId user, String tokenHash, Instant now) {
        return jdbc.sql("""
                UPDATE calendar_feed SET token_hash = ?, created_at = ?, last_fetched_at = NULL
                WHERE team_id = ? AND user_id = ?
                """).params(tokenHash, ts(now), team.value(), user.value()).update();
    }

    @Override
    public boolean delete(TeamId team, UserId user) {
        return jdbc.sql("DELETE FROM calendar_feed WHERE team_id = ? AND user_id = ?")
                .params(team.value(), user.value()).update() > 0;
    }

    @Override
    public Optional<Owner> findByToken(String tokenHash) {
        return jdbc.sql("SELECT team_id, user_id FROM calendar_feed WHERE token_hash = ?").param(tokenHash)
                .query((rs, n) -> new Owner(new TeamId(rs.getLong("team_id")), new UserId(rs.getLong("user_id"))))
                .optional();
    }

    @Override
    public void fetched(TeamId team, String tokenHash, Instant now) {
        jdbc.sql("""
                UPDATE calendar_feed SET last_fetched_at = ?
                WHERE team_id = ? AND token_hash = ? AND (last_fetched_at IS NULL OR last_fetched_at < ?)
                """).params(ts(now), team.value(), tokenHash, ts(now.minusSeconds(60))).update();
    }
}
