package dev.rapport.teams;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcThrottleRepository implements ThrottleRepository {
    private final JdbcClient jdbc;

    JdbcThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Counter> find(String key) {
        return jdbc.sql("SELECT failures, window_start, blocked_until FROM login_throttle WHERE throttle_key = ?")
                .param(key)
                .query((rs, n) -> new Counter(rs.getInt("failures"), instant(rs, "window_start"),
                        instant(rs, "blocked_until")))
                .optional();
    }

    @Override
    public void save(String key, Counter c) {
        int updated = jdbc.sql("UPDATE login_throttle SET failures = ?, window_start = ?, blocked_until = ? "
                        + "WHERE throttle_key = ?")
                .params(c.failures(), ts(c.windowStart()), ts(c.blockedUntil()), key).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO login_throttle (throttle_key, failures, window_start, blocked_until)
                    VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """).params(key, c.failures(), ts(c.windowStart()), ts(c.blockedUntil())).update();
        }
    }

    @Override
    public void delete(String key) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(key).update();
    }
}
