package dev.rapport.backup;

import static dev.rapport.shared.Sql.ts;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of backups: which database this is, H2's BACKUP TO, and the backup job's lock row. */
@Repository
class JdbcBackupDatabase {
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    /** The product never changes under a running server: asked once, on first use. */
    private volatile Boolean h2;

    JdbcBackupDatabase(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    boolean isH2() {
        Boolean known = h2;
        if (known == null) {
            try (Connection c = dataSource.getConnection()) {
                known = c.getMetaData().getDatabaseProductName().equals("H2");
                h2 = known;
            } catch (SQLException e) {
                return false; // not remembered: the database may be reachable next time
            }
        }
        return known;
    }

    /** A transactionally consistent copy of the whole H2 database into a zip; the server keeps serving. */
    void backupTo(Path zip) {
        jdbc.sql("BACKUP TO '" + zip.toString().replace("'", "''") + "'").update();
    }

    /** The job's row in job_lock, made on first use (a new job needs no migration). */
    void ensureJobRow(String job) {
        jdbc.sql("INSERT INTO job_lock (name, locked_until, locked_by) VALUES (?, ?, 'none') ON CONFLICT DO NOTHING")
                .params(job, ts(Instant.EPOCH)).update();
    }
}
