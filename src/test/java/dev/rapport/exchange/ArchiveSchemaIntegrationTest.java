package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.exchange.ArchiveSchema.Planned;
import dev.rapport.support.TestDatabases;

/**
 * Every table of the fully migrated schema is either archived or excluded with a reason, on both
 * databases. A migration that adds a table the archive cannot attribute to a team (no team_id, no
 * foreign key to an archived table) fails here until it is given a team_id or an exclusion.
 */
class ArchiveSchemaIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyTableIsArchivedOrExcludedWithAReason(String db) throws Exception {
        DataSource ds = TestDatabases.migrated(db);
        try (Connection c = ds.getConnection()) {
            Set<String> all = new TreeSet<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", null)) {
                while (rs.next()) {
                    if (rs.getString("TABLE_TYPE").toUpperCase(java.util.Locale.ROOT).contains("TABLE")) {
                        all.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            ArchiveSchema schema = JdbcArchiveSchema.read(c);
            assertThat(schema.problems()).as("tables and columns the archive would lose").isEmpty();

            Set<String> archived = new TreeSet<>();
            schema.archived().forEach(p -> archived.add(p.table().name()));
            Set<String> covered = new TreeSet<>(archived);
            covered.addAll(schema.excluded().keySet());
            assertThat(covered).as("every table is archived or excluded").isEqualTo(all);
            assertThat(archived).doesNotContainAnyElementsOf(schema.excluded().keySet());
            schema.excluded().forEach((table, reason) -> assertThat(reason).as(table).hasSizeGreaterThan(20));
            assertThat(archived).contains("team", "app_user", "membership", "client", "touch", "journal_entry",
                    "promise", "deal", "deal_milestone", "deal_template_milestone", "account_plan", "plan_activity",
                    "tier_cadence", "channel_weight", "api_token");
            assertThat(schema.excluded()).containsOnlyKeys("flyway_schema_history", "job_lock", "login_throttle",
                    "queue_version", "spring_session", "spring_session_attributes");

            // parents come before children, so a restore never breaks a foreign key
            List<String> order = new ArrayList<>();
            for (Planned p : schema.archived()) {
                p.table().foreignKeys().forEach(fk -> assertThat(order).as(p.table().name() + " after " + fk.parent())
                        .contains(fk.parent()));
                order.add(p.table().name());
            }
            assertThat(order.subList(0, 2)).containsExactly("team", "app_user");
        }
    }
}
