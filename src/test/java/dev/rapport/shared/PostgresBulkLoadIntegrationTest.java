package dev.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.rapport.support.TestDatabases;

/** What a bulk load takes off a table comes back exactly as it was, and what it skipped is checked. */
class PostgresBulkLoadIntegrationTest {
    private static DataSource db;

    @BeforeAll
    static void migrate() {
        db = TestDatabases.migrated("postgres");
    }

    @Test
    void everyTablesIndexesAndConstraintsComeBackAsTheyWere() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (String table : tables(c)) {
                List<String> before = schema(c, table);
                PostgresBulkLoad.execute(c, PostgresBulkLoad.dropForeignKeysAndIndexes(c, table));
                assertThat(schema(c, table)).as(table).isEqualTo(before);
            }
            c.rollback();
        }
    }

    @Test
    void anUnreferencedPrimaryKeyIsDroppedDuringTheLoadAndAReferencedOneStays() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            List<String> touch = PostgresBulkLoad.dropForeignKeysAndIndexes(c, "touch");
            List<String> client = PostgresBulkLoad.dropForeignKeysAndIndexes(c, "client");
            assertThat(schema(c, "touch")).as("no key or index left on touch").isNotEmpty()
                    .noneMatch(d -> d.contains(" KEY ") || d.contains("INDEX"));
            assertThat(schema(c, "client")).as("touch and others refer to client's key")
                    .anyMatch(d -> d.contains("PRIMARY KEY (id)"));
            assertThat(touch.get(0)).as("the key comes back first").contains("PRIMARY KEY (id)");
            assertThat(client).noneMatch(d -> d.contains("PRIMARY KEY"));
            c.rollback();
        }
    }

    @Test
    void aDuplicateIdLoadedWithoutTheKeyFailsTheRebuild() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            List<String> rebuild = PostgresBulkLoad.dropForeignKeysAndIndexes(c, "touch");
            try (Statement s = c.createStatement()) {
                for (int i = 0; i < 2; i++) { // foreign keys are off too: the key is checked first
                    s.execute("""
                            INSERT INTO touch (id, team_id, client_id, user_id, at, channel, direction,
                                               update_request, automated, created_at)
                            VALUES (7, 1, 1, 1, now(), 'email', 'outbound', false, false, now())""");
                }
            }
            assertThatThrownBy(() -> PostgresBulkLoad.execute(c, rebuild)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("touch_pkey");
            c.rollback();
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).contains("touch", "client", "journal_entry");
        return tables;
    }

    /** The table's index and constraint definitions, sorted. */
    private static List<String> schema(Connection c, String table) throws SQLException {
        List<String> defs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ?
                UNION ALL
                SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = CAST(? AS regclass)
                ORDER BY 1""")) {
            ps.setString(1, table);
            ps.setString(2, PostgresBulkLoad.quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    defs.add(rs.getString(1));
                }
            }
        }
        return defs;
    }
}
