package dev.rapport.exchange;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

@Repository
class JdbcDigestRepository implements DigestRepository {
    private static final String CLAIM_COLUMNS = "team_id, user_id, digest_date, claimed_at, attempts, sent_at";

    private final JdbcClient jdbc;

    JdbcDigestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<DigestSettings> settings(TeamId team, UserId user) {
        return jdbc.sql("SELECT enabled, send_hour FROM digest_setting WHERE team_id = ? AND user_id = ?")
                .params(team.value(), user.value())
                .query((rs, n) -> new DigestSettings(rs.getBoolean("enabled"), rs.getInt("send_hour"))).optional();
    }

    @Override
    public Map<Member, DigestSettings> allSettings() {
        Map<Member, DigestSettings> out = new HashMap<>();
        jdbc.sql("SELECT team_id, user_id, enabled, send_hour FROM digest_setting").query(rs -> {
            out.put(member(rs), new DigestSettings(rs.getBoolean("enabled"), rs.getInt("send_hour")));
        });
        return out;
    }

    @Override
    public void saveSettings(TeamId team, UserId user, DigestSettings s, Instant now) {
        // no ON CONFLICT ... DO UPDATE on H2: make sure the row exists, then update it
        jdbc.sql("""
                INSERT INTO digest_setting (team_id, user_id, enabled, send_hour, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(team.value(), user.value(), s.enabled(), s.hour(), ts(now)).update();
        jdbc.sql("UPDATE digest_setting SET enabled = ?, send_hour = ?, updated_at = ? WHERE team_id = ? AND user_id = ?")
                .params(s.enabled(), s.hour(), ts(now), team.value(), user.value()).update();
    }

    @Override
    public List<Claim> claimsSince(LocalDate from) {
        return jdbc.sql("SELECT " + CLAIM_COLUMNS + " FROM digest_sent WHERE digest_date >= ?").param(from)
                .query(JdbcDigestRepository::claim).list();
    }

    @Override
    public Optional<Claim> claim(TeamId team, UserId user, LocalDate day) {
        return jdbc.sql("SELECT " + CLAIM_COLUMNS + " FROM digest_sent WHERE team_id = ? AND user_id = ? AND digest_date = ?")
                .params(team.value(), user.value(), day).query(JdbcDigestRepository::claim).optional();
    }

    @Override
    public boolean claim(Member m, LocalDate day, Instant now, String by) {
        try {
            return jdbc.sql("""
                    INSERT INTO digest_sent (team_id, user_id, digest_date, claimed_at, claimed_by, attempts)
                    VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING
                    """).params(m.team().value(), m.user().value(), day, ts(now), by).update() == 1;
        } catch (DuplicateKeyException e) {
            return false; // lost a race that the database reports instead of skipping
        }
    }

    @Override
    public boolean reclaim(Member m, LocalDate day, Instant now, Instant staleBefore, int maxAttempts, String by) {
        return jdbc.sql("""
                UPDATE digest_sent SET claimed_at = ?, claimed_by = ?, attempts = attempts + 1
                WHERE team_id = ? AND user_id = ? AND digest_date = ? AND sent_at IS NULL
                  AND claimed_at < ? AND attempts < ?
                """).params(ts(now), by, m.team().value(), m.user().value(), day, ts(staleBefore), maxAttempts)
                .update() == 1;
    }

    @Override
    public void finish(Member m, LocalDate day, Instant at, String outcome) {
        jdbc.sql("""
                UPDATE digest_sent SET sent_at = ?, outcome = ?, last_error = NULL
                WHERE team_id = ? AND user_id = ? AND digest_date = ?
                """).params(ts(at), outcome, m.team().value(), m.user().value(), day).update();
    }

    @Override
    public void failed(Member m, LocalDate day, String error) {
        String e = error == null ? "unknown error" : error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.sql("""
                UPDATE digest_sent SET outcome = 'failed', last_error = ?
                WHERE team_id = ? AND user_id = ? AND digest_date = ? AND sent_at IS NULL
                """).params(e, m.team().value(), m.user().value(), day).update();
    }

    @Override
    public Optional<LocalDate> lastSent(TeamId team, UserId user) {
        return jdbc.sql("""
                SELECT digest_date FROM digest_sent WHERE team_id = ? AND user_id = ? AND outcome = 'sent'
                ORDER BY digest_date DESC LIMIT 1
                """).params(team.value(), user.value()).query(LocalDate.class).optional();
    }

    @Override
    public void saveUnsubscribeToken(String tokenHash, Member m, Instant now) {
        jdbc.sql("INSERT INTO digest_unsubscribe (token_hash, team_id, user_id, created_at) VALUES (?, ?, ?, ?)")
                .params(tokenHash, m.team().value(), m.user().value(), ts(now)).update();
    }

    @Override
    public Optional<Member> unsubscriber(String tokenHash) {
        return jdbc.sql("SELECT team_id, user_id FROM digest_unsubscribe WHERE token_hash = ?").param(tokenHash)
                .query((rs, n) -> member(rs)).optional();
    }

    @Override
    public void prune(LocalDate claimsBefore, Instant tokensBefore) {
        jdbc.sql("DELETE FROM digest_sent WHERE digest_date < ?").param(claimsBefore).update();
        jdbc.sql("DELETE FROM digest_unsubscribe WHERE created_at < ?").param(ts(tokensBefore)).update();
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(new TeamId(rs.getLong("team_id")), new UserId(rs.getLong("user_id")));
    }

    private static Claim claim(ResultSet rs, int row) throws SQLException {
        return new Claim(member(rs), rs.getObject("digest_date", LocalDate.class), instant(rs, "claimed_at"),
                rs.getInt("attempts"), instant(rs, "sent_at"));
    }
}
