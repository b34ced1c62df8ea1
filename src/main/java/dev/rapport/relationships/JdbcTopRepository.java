package dev.rapport.relationships;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

@Repository
class JdbcTopRepository implements TopRepository {
    private final JdbcClient jdbc;

    JdbcTopRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ClientId> list(TeamId team, UserId user) {
        return jdbc.sql("SELECT client_id FROM top_relationship WHERE team_id = ? AND user_id = ? ORDER BY position")
                .params(team.value(), user.value()).query(Long.class).list().stream().map(ClientId::new).toList();
    }

    @Override
    public void replace(TeamId team, UserId user, List<ClientId> clients, Instant now) {
        jdbc.sql("DELETE FROM top_relationship WHERE team_id = ? AND user_id = ?").params(team.value(), user.value())
                .update();
        for (int i = 0; i < clients.size(); i++) {
            jdbc.sql("INSERT INTO top_relationship (team_id, user_id, client_id, position, added_at) VALUES (?, ?, ?, ?, ?)")
                    .params(team.value(), user.value(), clients.get(i).value(), i, ts(now)).update();
        }
    }

    @Override
    public void rate(TeamId team, UserId user, ClientId client, Rating r) {
        jdbc.sql("""
                INSERT INTO top_rating (team_id, user_id, client_id, rating, target, note, rated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(team.value(), user.value(), client.value(), r.now(), r.target(), r.note(), ts(r.ratedAt()))
                .update();
    }

    @Override
    public Map<ClientId, List<Rating>> latestRatings(TeamId team, UserId user) {
        Map<ClientId, List<Rating>> result = new HashMap<>();
        jdbc.sql("""
                SELECT r.client_id, r.rating, r.target, r.note, r.rated_at FROM top_rating r
                JOIN top_relationship t ON t.team_id = r.team_id AND t.user_id = r.user_id AND t.client_id = r.client_id
                WHERE r.team_id = ? AND r.user_id = ? ORDER BY r.client_id, r.rated_at DESC, r.id DESC
                """).params(team.value(), user.value()).query(rs -> {
                    List<Rating> list = result.computeIfAbsent(new ClientId(rs.getLong("client_id")),
                            k -> new ArrayList<>());
                    if (list.size() < 2) {
                        list.add(new Rating(rs.getInt("rating"), rs.getInt("target"), rs.getString("note"),
                                instant(rs, "rated_at")));
                    }
                });
        return result;
    }
}
