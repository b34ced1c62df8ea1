package dev.rapport.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.rapport.support.TestDatabases;

/**
 * The partial index of timed touches (V16) only helps while the statement that reads them still
 * implies its condition (minutes > 0 AND NOT automated): rewording either side would silently turn
 * every day total into a scan of the member's touches.
 */
class PostgresQueryPlanIntegrationTest {

    @Test
    void aMembersTimedTouchesAreReadThroughThePartialIndex() throws Exception {
        DataSource ds = TestDatabases.migrated("postgres");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off"); // an empty table: make the planner show what it could use
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + JdbcClientRepository.TIMED_TOUCHES)) {
                ps.setLong(1, 1);
                ps.setLong(2, 2);
                ps.setTimestamp(3, Timestamp.from(Instant.parse("2026-11-01T00:00:00Z")));
                ps.setTimestamp(4, Timestamp.from(Instant.parse("2026-11-02T00:00:00Z")));
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).as(plan.toString()).contains("ix_touch_timed");
            }
            try (ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'touch' "
                    + "AND indexname LIKE 'ix_touch_%' ORDER BY indexname")) {
                StringBuilder defs = new StringBuilder();
                while (rs.next()) {
                    defs.append(rs.getString(1)).append('\n');
                }
                assertThat(defs.toString()).contains("ix_touch_timed")
                        .contains("WHERE ((minutes > 0) AND (NOT automated))").doesNotContain("ix_touch_user_time");
            }
        }
    }
}
