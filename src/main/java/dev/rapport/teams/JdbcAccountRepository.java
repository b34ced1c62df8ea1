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
            SELECT u.id, u.email, u.display_name, u.password_hash, u.time_zone AS user_zone, u.totp_enabled,
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
    public Optional<Account> findInTeam(String email, TeamId team) {
        return jdbc.sql(ACCOUNT_SELECT + " WHERE u.email = ? AND m.team_id = ?")
                .params(email.toLowerCase(Locale.ROOT), team.value()).query(this::account).optional();
    }

    @Override
    public Optional<TokenOwner> findByToken(String tokenHash, Instant now) {
        return jdbc.sql(ACCOUNT_SELECT.replace("m.team_id,", "m.team_id, k.scope, k.last_used_at, k.expires_at,") + """
                 JOIN api_token k ON k.user_id = u.id AND k.team_id = m.team_id
                 WHERE k.token_hash = ? AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ?)
                """).params(tokenHash, ts(now))
                .query((rs, n) -> new TokenOwner(account(rs, n),
                        TokenScope.fromCode(rs.getString("scope")).orElse(TokenScope.READ), instant(rs, "last_used_at"),
                        instant(rs, "expires_at")))
                .optional();
    }

    @Override
    public long createToken(TeamId team, UserId user, String name, String tokenHash, TokenScope scope,
                            Instant expiresAt, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_token (team_id, user_id, name, token_hash, scope, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(team.value(), user.value(), name, tokenHash, scope.code(), ts(expiresAt), ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    @Override
    public void touchToken(TeamId team, String tokenHash, Instant now, Instant usedSince) {
        // the condition again: two requests may both have read the old time
        jdbc.sql("""
                UPDATE api_token SET last_used_at = ?
                WHERE team_id = ? AND token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)
                """).params(ts(now), team.value(), tokenHash, ts(usedSince)).update();
    }

    @Override
    public List<ApiToken> tokens(TeamId team, UserId user) {
        return jdbc.sql("""
                SELECT id, name, scope, created_at, expires_at, last_used_at, revoked_at FROM api_token
                WHERE team_id = ? AND user_id = ? ORDER BY id
                """).params(team.value(), user.value())
                .query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
                        TokenScope.fromCode(rs.getString("scope")).orElse(TokenScope.READ), instant(rs, "created_at"),
                        instant(rs, "expires_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at")))
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
    public void revokeTeamTokens(TeamId team, UserId user, Instant now) {
        jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE team_id = ? AND user_id = ? AND revoked_at IS NULL")
                .params(ts(now), team.value(), user.value()).update();
    }

    @Override
    public int revokeAllTokens(UserId user, Instant now) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(ts(now), user.value()).update();
    }

    @Override
    public Optional<Role> role(TeamId team, UserId user) {
        return jdbc.sql("SELECT role FROM membership WHERE team_id = ? AND user_id = ?")
                .params(team.value(), user.value()).query(String.class).optional().map(Role::fromCode);
    }

    @Override
    public Optional<Role> lockRole(TeamId team, UserId user) {
        return jdbc.sql("SELECT role FROM membership WHERE team_id = ? AND user_id = ? FOR UPDATE")
                .params(team.value(), user.value()).query(String.class).optional().map(Role::fromCode);
    }

    @Override
    public void setRole(TeamId team, UserId user, Role role) {
        jdbc.sql("UPDATE membership SET role = ? WHERE team_id = ? AND user_id = ?")
                .params(role.code(), team.value(), user.value()).update();
    }

    @Override
    public void removeMember(TeamId team, UserId user) {
        jdbc.sql("DELETE FROM membership WHERE team_id = ? AND user_id = ?").params(team.value(), user.value())
                .update();
    }

    @Override
    public long countOwners(TeamId team) {
        return jdbc.sql("SELECT COUNT(*) FROM membership WHERE team_id = ? AND role = 'owner'").param(team.value())
                .query(Long.class).single();
    }

    @Override
    public List<TeamMembership> teamsOf(UserId user) {
        return jdbc.sql("""
                SELECT t.id, t.name, m.role FROM membership m JOIN team t ON t.id = m.team_id
                WHERE m.user_id = ? ORDER BY t.name, t.id
                """).param(user.value())
                .query((rs, n) -> new TeamMembership(new TeamId(rs.getLong("id")), rs.getString("name"),
                        Role.fromCode(rs.getString("role"))))
                .list();
    }

    @Override
    public void setPassword(UserId user, String hash, Instant now) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE id = ?")
                .params(hash, ts(now), user.value()).update();
    }

    @Override
    public void setProfile(UserId user, String displayName, String timeZone) {
        jdbc.sql("UPDATE app_user SET display_name = ?, time_zone = ? WHERE id = ?")
                .params(displayName, timeZone, user.value()).update();
    }

    @Override
    public Optional<UserId> userIdByEmail(String email) {
        return jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(email.strip().toLowerCase(Locale.ROOT))
                .query(Long.class).optional().map(UserId::new);
    }

    @Override
    public Optional<TotpState> totp(UserId user) {
        return jdbc.sql("SELECT totp_secret, totp_enabled, totp_last_step FROM app_user WHERE id = ?")
                .param(user.value())
                .query((rs, n) -> rs.getString("totp_secret") == null ? null : new TotpState(
                        rs.getString("totp_secret"), rs.getBoolean("totp_enabled"),
                        rs.getObject("totp_last_step", Long.class)))
                .optional();
    }

    @Override
    public void setTotp(UserId user, String secret, boolean enabled) {
        jdbc.sql("UPDATE app_user SET totp_secret = ?, totp_enabled = ?, totp_last_step = NULL WHERE id = ?")
                .params(secret, enabled, user.value()).update();
    }

    @Override
    public boolean useTotpStep(UserId user, long step) {
        // conditional update: two instances checking the same code at once cannot both accept it
        return jdbc.sql("""
                UPDATE app_user SET totp_last_step = ?
                WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)
                """).params(step, user.value(), step).update() == 1;
    }

    @Override
    public long countUsers() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    private Account account(ResultSet rs, int row) throws SQLException {
        return new Account(new UserId(rs.getLong("id")), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getString("user_zone"), new TeamId(rs.getLong("team_id")),
                Role.fromCode(rs.getString("role")), rs.getString("team_zone"), rs.getBoolean("totp_enabled"));
    }

    @Override
    public List<Account> allMemberships() {
        return jdbc.sql(ACCOUNT_SELECT + " ORDER BY m.team_id, u.id").query(this::account).list();
    }

    @Override
    public Optional<Account> findMembership(TeamId team, UserId user) {
        return jdbc.sql(ACCOUNT_SELECT + " WHERE m.team_id = ? AND u.id = ?").params(team.value(), user.value())
                .query(this::account).optional();
    }
}
