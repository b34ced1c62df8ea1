package dev.rapport.teams;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.time.Instant;
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
    public Counter addFailure(String key, Instant now, Instant staleBefore) {
        while (true) {
            // window_start is assigned last: every CASE reads the window the row had before
            int updated = jdbc.sql("""
                    UPDATE login_throttle SET
                        failures = CASE WHEN window_start <= ? THEN 1 ELSE failures + 1 END,
                        blocked_until = CASE WHEN window_start <= ? THEN NULL ELSE blocked_until END,
                        window_start = CASE WHEN window_start <= ? THEN ? ELSE window_start END
                    WHERE throttle_key = ?
                    """).params(ts(staleBefore), ts(staleBefore), ts(staleBefore), ts(now), key).update();
            if (updated == 0) {
                updated = jdbc.sql("""
                        INSERT INTO login_throttle (throttle_key, failures, window_start, blocked_until)
                        VALUES (?, 1, ?, NULL) ON CONFLICT DO NOTHING
                        """).params(key, ts(now)).update();
            }
            // 0 here: another request inserted the row first; count on it
            if (updated == 1) {
                return find(key).orElseThrow();
            }
        }
    }

    @Override
    public void block(String key, Instant windowStart, Instant until) {
        jdbc.sql("UPDATE login_throttle SET blocked_until = ? WHERE throttle_key = ? AND window_start = ?")
                .params(ts(until), key, ts(windowStart)).update();
    }

    @Override
    public void delete(String key) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(key).update();
    }
}
