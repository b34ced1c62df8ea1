package dev.rapport.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * What PostgreSQL's own schema (V16-V18) promises. The partial index of timed touches only helps
 * while the statement that reads them still implies its condition (minutes > 0 AND NOT automated):
 * rewording either side would silently turn every day total into a scan of the member's touches. And
 * one composite key holds a touch to its client's team. A member's client list is two index lookups,
 * not a scan of the team.
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
                String plan = lines(ps.executeQuery());
                assertThat(plan).as(plan).contains("ix_touch_timed");
            }
            String defs = lines(s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'touch' "
                    + "AND indexname LIKE 'ix_touch_%' ORDER BY indexname"));
            assertThat(defs).contains("ix_touch_timed ON public.touch USING btree (user_id, at) "
                    + "WHERE ((minutes > 0) AND (NOT automated))").doesNotContain("ix_touch_user_time");
        }
    }

    @Test
    void aTouchMustBelongToItsClientsTeam() throws Exception {
        DataSource ds = TestDatabases.migrated("postgres");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            long home = id(s, "INSERT INTO team (name, time_zone, created_at) VALUES ('Home', 'UTC', now()) RETURNING id");
            long other = id(s, "INSERT INTO team (name, time_zone, created_at) VALUES ('Other', 'UTC', now()) RETURNING id");
            long user = id(s, "INSERT INTO app_user (email, display_name, password_hash, created_at) "
                    + "VALUES ('integrity-" + home + "@example.com', 'U', 'x', now()) RETURNING id");
            long client = id(s, "INSERT INTO client (team_id, owner_id, name, name_lower, tier, status, kind, "
                    + "created_at, updated_at) VALUES (" + home + ", " + user
                    + ", 'C', 'c', 'A', 'active', 'external', now(), now()) RETURNING id");
            String touch = "INSERT INTO touch (team_id, client_id, user_id, at, channel, direction, update_request, "
                    + "automated, created_at) VALUES (%d, " + client + ", " + user
                    + ", now(), 'phone', 'outbound', false, false, now())";

            s.execute(String.format(java.util.Locale.ROOT, touch, home));
            assertThatThrownBy(() -> s.execute(String.format(java.util.Locale.ROOT, touch, other)))
                    .hasMessageContaining("fk_touch_client_team");
            assertThat(id(s, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'touch'::regclass AND contype = 'f'"))
                    .as("the client/team pair and the member: the two single keys it replaced are gone").isEqualTo(2);
        }
    }

    @Test
    void aMembersClientListReadsTheirOwnAndTheSharedClientsThroughIndexes() throws Exception {
        DataSource ds = TestDatabases.migrated("postgres");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            long team = id(s, "INSERT INTO team (name, time_zone, created_at) VALUES ('T', 'UTC', now()) RETURNING id");
            s.execute("INSERT INTO app_user (email, display_name, password_hash, created_at) SELECT 'list-' || n || '-"
                    + team + "@example.com', 'U', 'x', now() FROM generate_series(1, 50) n");
            long viewer = id(s, "SELECT min(id) FROM app_user WHERE email LIKE 'list-%-" + team + "@example.com'");
            s.execute("INSERT INTO client (team_id, owner_id, name, name_lower, tier, status, kind, shared, "
                    + "created_at, updated_at) SELECT " + team + ", " + viewer + " + n % 50, 'C' || n, 'c' || n, 'A', "
                    + "'active', 'external', n % 500 = 0, now(), now() FROM generate_series(1, 50000) n");
            s.execute("ANALYZE client");
            String sql = ("SELECT c.id FROM client c WHERE c.team_id = :team" + JdbcClientRepository.MEMBER_VISIBLE
                    + " AND c.archived_at IS NULL ORDER BY COALESCE(c.last_touch_at, now()), c.id LIMIT 51")
                    .replace(":team", Long.toString(team)).replace(":viewer", Long.toString(viewer));
            String plan = lines(s.executeQuery("EXPLAIN " + sql));
            assertThat(plan).as(plan).contains("ix_client_owner").contains("ix_client_shared")
                    .doesNotContain("Seq Scan");
        }
    }

    /** The first column of every row, one line each; closes the result. */
    private static String lines(ResultSet result) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = result) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    private static long id(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
