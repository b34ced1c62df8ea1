package dev.rapport.shared;

import static dev.rapport.shared.Sql.ts;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcJobLock implements JobLock {
    private final JdbcClient jdbc;

    JdbcJobLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean acquire(String job, Instant now, Instant until, String owner) {
        return jdbc.sql("UPDATE job_lock SET locked_until = ?, locked_by = ? WHERE name = ? AND locked_until <= ?")
                .params(ts(until), owner, job, ts(now)).update() == 1;
    }

    @Override
    public boolean acquireIfNotRunSince(String job, Instant now, Instant until, String owner, Instant ranBefore) {
        return jdbc.sql("UPDATE job_lock SET locked_until = ?, locked_by = ? WHERE name = ? AND locked_until <= ? "
                        + "AND (last_run_at IS NULL OR last_run_at <= ?)")
                .params(ts(until), owner, job, ts(now), ts(ranBefore)).update() == 1;
    }

    @Override
    public void release(String job, Instant now) {
        jdbc.sql("UPDATE job_lock SET locked_until = ?, last_run_at = ? WHERE name = ?")
                .params(ts(now), ts(now), job).update();
    }
}
