package dev.rapport.teams;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

@Repository
class JdbcInvitationRepository implements InvitationRepository {
    private static final String SELECT = """
            SELECT i.id, i.team_id, t.name AS team_name, i.email, i.role, i.created_at, i.expires_at,
                   i.accepted_at, i.revoked_at
            FROM invitation i JOIN team t ON t.id = i.team_id
            """;

    private final JdbcClient jdbc;

    JdbcInvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long insert(TeamId team, String email, Role role, String tokenHash, UserId invitedBy, Instant now,
                       Instant expiresAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO invitation (team_id, email, role, token_hash, invited_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(team.value(), email, role.code(), tokenHash, invitedBy.value(), ts(now), ts(expiresAt))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    @Override
    public Optional<Invitation> find(TeamId team, long id) {
        return jdbc.sql(SELECT + " WHERE i.team_id = ? AND i.id = ?").params(team.value(), id)
                .query(JdbcInvitationRepository::invitation).optional();
    }

    @Override
    public Optional<Invitation> findByTokenHash(String tokenHash) {
        return jdbc.sql(SELECT + " WHERE i.token_hash = ?").param(tokenHash)
                .query(JdbcInvitationRepository::invitation).optional();
    }

    @Override
    public List<Invitation> list(TeamId team) {
        return jdbc.sql(SELECT + " WHERE i.team_id = ? ORDER BY i.id DESC").param(team.value())
                .query(JdbcInvitationRepository::invitation).list();
    }

    @Override
    public boolean accept(TeamId team, long id, UserId user, Instant now) {
        return jdbc.sql("""
                UPDATE invitation SET accepted_at = ?, accepted_by = ?
                WHERE team_id = ? AND id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
                """).params(ts(now), user.value(), team.value(), id, ts(now)).update() == 1;
    }

    @Override
    public boolean revoke(TeamId team, long id, Instant now) {
        return jdbc.sql("""
                UPDATE invitation SET revoked_at = ?
                WHERE team_id = ? AND id = ? AND accepted_at IS NULL AND revoked_at IS NULL
                """).params(ts(now), team.value(), id).update() == 1;
    }

    private static Invitation invitation(ResultSet rs, int n) throws SQLException {
        return new Invitation(rs.getLong("id"), new TeamId(rs.getLong("team_id")), rs.getString("team_name"),
                rs.getString("email"), Role.fromCode(rs.getString("role")), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "accepted_at"), instant(rs, "revoked_at"));
    }
}
