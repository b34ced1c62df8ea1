package dev.rapport.teams;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

@Repository
class JdbcAccountRepository implements AccountRepository {
    private static final String ACCOUNT_SELECT = """
            SELECT u.id, u.email, u.display_name, u.password_hash, u.time_zone AS user_zone,
                   m.team_id, m.role, t.time_zone AS team_zone
            FROM app_user u
            JOIN membership m ON m.user_id = u.id
            JOIN team t ON t.id = m.team_id
            """;

    private final JdbcClient jdbc;

    JdbcAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TeamId createTeam(String name, String zone, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO team (name, time_zone, created_at) VALUES (?, ?, ?)")
                .params(name, zone, ts(now)).update(keys, "id");
        return new TeamId(keys.getKeyAs(Long.class));
    }

    @Override
    public Optional<String> teamName(TeamId team) {
        return jdbc.sql("SELECT name FROM team WHERE id = ?").param(team.value()).query(String.class).optional();
    }

    @Override
    public Optional<TeamId> findTeamByName(String name) {
        return jdbc.sql("SELECT id FROM team WHERE name = ? ORDER BY id").param(name)
                .query(Long.class).list().stream().findFirst().map(TeamId::new);
    }

    @Override
    public UserId createUser(String email, String displayName, String passwordHash, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(email.toLowerCase(Locale.ROOT), displayName, passwordHash, ts(now)).update(keys, "id");
        return new UserId(keys.getKeyAs(Long.class));
    }

    @Override
    public void addMember(TeamId team, UserId user, Role role, Instant now) {
        jdbc.sql("INSERT INTO membership (team_id, user_id, role, created_at) VALUES (?, ?, ?, ?)")
                .params(team.value(), user.value(), role.code(), ts(now)).update();
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return jdbc.sql(ACCOUNT_SELECT + " WHERE u.email = ? ORDER BY m.team_id")
                .param(email.toLowerCase(Locale.ROOT)).query(this::account).list().stream().findFirst();
    }

    @Override
    public Optional<Account> findByToken(String tokenHash) {
        return jdbc.sql(ACCOUNT_SELECT + """
                 JOIN api_token k ON k.user_id = u.id AND k.team_id = m.team_id
                 WHERE k.token_hash = ? AND k.revoked_at IS NULL
                """).param(tokenHash).query(this::account).optional();
    }

    @Override
    public long createToken(TeamId team, UserId user, String name, String tokenHash, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_token (team_id, user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(team.value(), user.value(), name, tokenHash, ts(now)).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    @Override
    public void touchToken(String tokenHash, Instant now) {
        // at most one write a minute per token: a busy client must not turn every read into a write
        jdbc.sql("""
                UPDATE api_token SET last_used_at = ?
                WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)
                """).params(ts(now), tokenHash, ts(now.minusSeconds(60))).update();
    }

    @Override
    public List<ApiToken> tokens(TeamId team, UserId user) {
        return jdbc.sql("""
                SELECT id, name, created_at, last_used_at, revoked_at FROM api_token
                WHERE team_id = ? AND user_id = ? ORDER BY id
                """).params(team.value(), user.value())
                .query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"), instant(rs, "created_at"),
                        instant(rs, "last_used_at"), instant(rs, "revoked_at")))
                .list();
    }

    @Override
    public boolean revokeToken(TeamId team, UserId user, long tokenId, Instant now) {
        return jdbc.sql("""
                UPDATE api_token SET revoked_at = ?
                WHERE id = ? AND team_id = ? AND user_id = ? AND revoked_at IS NULL
                """).params(ts(now), tokenId, team.value(), user.value()).update() == 1;
    }

    @Override
    public List<Member> members(TeamId team) {
        return jdbc.sql("""
                SELECT u.id, u.email, u.display_name, m.role FROM membership m JOIN app_user u ON u.id = m.user_id
                WHERE m.team_id = ? ORDER BY u.display_name, u.id
                """).param(team.value())
                .query((rs, n) -> new Member(new UserId(rs.getLong("id")), rs.getString("email"),
                        rs.getString("display_name"), Role.fromCode(rs.getString("role"))))
                .list();
    }

    @Override
    public boolean isMember(TeamId team, UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM membership WHERE team_id = ? AND user_id = ?")
                .params(team.value(), user.value()).query(Long.class).single() > 0;
    }

    @Override
    public long countUsers() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    private Account account(ResultSet rs, int row) throws SQLException {
        return new Account(new UserId(rs.getLong("id")), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getString("user_zone"), new TeamId(rs.getLong("team_id")),
                Role.fromCode(rs.getString("role")), rs.getString("team_zone"));
    }

}
