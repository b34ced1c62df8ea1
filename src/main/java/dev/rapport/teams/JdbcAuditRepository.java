package dev.rapport.teams;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.rapport.shared.Audited;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

@Repository
class JdbcAuditRepository implements AuditRepository {
    private final JdbcClient jdbc;

    JdbcAuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Audited e, Instant at) {
        jdbc.sql("""
                INSERT INTO audit_event (team_id, user_id, at, action, detail, remote_address)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(e.team() == null ? null : e.team().value(), e.user() == null ? null : e.user().value(),
                        ts(at), e.action(), e.detail(), e.remoteAddress())
                .update();
    }

    @Override
    public List<AuditEvent> page(TeamId team, Long beforeId, int limit) {
        return jdbc.sql("""
                SELECT a.id, a.at, a.user_id, u.email, a.action, a.detail, a.remote_address
                FROM audit_event a LEFT JOIN app_user u ON u.id = a.user_id
                WHERE a.team_id = :team AND (:before IS NULL OR a.id < :before)
                ORDER BY a.id DESC LIMIT :limit
                """).param("team", team.value()).param("before", beforeId, java.sql.Types.BIGINT)
                .param("limit", limit + 1)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), instant(rs, "at"),
                        rs.getObject("user_id") == null ? null : new UserId(rs.getLong("user_id")),
                        rs.getString("email"), rs.getString("action"), rs.getString("detail"),
                        rs.getString("remote_address")))
                .list();
    }
}
