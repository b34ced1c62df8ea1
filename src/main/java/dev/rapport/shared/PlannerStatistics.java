package dev.rapport.shared;

import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fresh planner statistics after a write that grew tables a lot (a big import). PostgreSQL's
 * autovacuum analyses a table only after 10% of it changed and up to a minute later; until then it
 * plans with the old row counts, and a re-import right after a first one of 100,000 contacts read
 * the child tables with sequential scans (2-3× slower). H2 takes its statistics at such a commit on
 * its own, so this does nothing there.
 */
public final class PlannerStatistics {
    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private PlannerStatistics() {
    }

    /** ANALYZE these tables on PostgreSQL, outside any transaction; a failure is logged, never thrown. */
    public static void refresh(JdbcTemplate template, String... tables) {
        try {
            template.execute((ConnectionCallback<Void>) c -> {
                if (Sql.isPostgres(c)) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE " + String.join(", ", tables));
                    }
                }
                return null;
            });
        } catch (DataAccessException e) {
            // only statistics: the data is written; autovacuum takes them later
            log.warn("Planner statistics not refreshed: {}", e.getMessage());
        }
    }
}
