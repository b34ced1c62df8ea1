package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.AppTestBase;
import dev.rapport.support.PostgresInitializer;
import dev.rapport.teams.Role;

/**
 * How imports use PostgreSQL: a big import refreshes the planner statistics of the tables it grew
 * once it has committed (autovacuum would take up to a minute, and a re-import meanwhile read child
 * tables with sequential scans), a dry run does not; batched inserts go as multi-row statements and
 * every new client still gets the id of its own record.
 */
@ContextConfiguration(initializers = PostgresInitializer.class)
class PostgresImportStatisticsIntegrationTest extends AppTestBase {
    @Autowired
    ContactImportService imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;

    private OffsetDateTime started;

    @Test
    void anImportOfThousandsOfContactsAnalysesTheClientTables() {
        var s = newTeam(Role.MEMBER);
        StringBuilder csv = new StringBuilder("name,email,phone,id\n");
        for (int i = 0; i < ContactImportService.STATISTICS_AFTER; i++) {
            csv.append("Person ").append(i).append(",person").append(i).append("@example.com,+31 6 1234 ")
                    .append(String.format(java.util.Locale.ROOT, "%04d", i)).append(",ext-").append(i).append('\n');
        }
        var file = new ByteArrayResource(csv.toString().getBytes(StandardCharsets.UTF_8));
        started = jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();

        imports.importContacts(s.user(), file, "people.csv", ImportOptions.defaults(true), null);
        assertThat(lastAnalysed("client_email")).as("after a dry run").isNull();

        var report = imports.importContacts(s.user(), file, "people.csv", ImportOptions.defaults(false), null);
        assertThat(report.created()).isEqualTo(ContactImportService.STATISTICS_AFTER);
        for (String table : new String[] {"client", "client_email", "client_phone", "client_external_id"}) {
            assertThat(lastAnalysed(table)).as(table).isNotNull();
        }
    }

    /** When the table was last analysed by a statement (not by autovacuum) since the test began. */
    @Test
    void batchedInsertsAreMultiRowAndEveryRecordGetsItsOwnId() throws Exception {
        assertThat(dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getDataSourceProperties())
                .containsEntry("reWriteBatchedInserts", "true");
        var s = newTeam(Role.MEMBER);
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < 2_500; i++) {
            csv.append("Batch ").append(i).append(",batch").append(i).append("@example.com\n");
        }
        var report = imports.importContacts(s.user(), new ByteArrayResource(csv.toString()
                .getBytes(StandardCharsets.UTF_8)), "people.csv", ImportOptions.defaults(false), null);
        assertThat(report.changes()).hasSize(ImportReport.MAX_CHANGES);
        for (ImportReport.Change change : report.changes()) {
            String stored = jdbc.sql("SELECT name FROM client WHERE id = ? AND team_id = ?")
                    .params(change.clientId(), s.user().teamId().value()).query(String.class).single();
            assertThat(stored).as("line " + change.line()).isEqualTo(change.name()).isEqualTo("Batch " + (change.line() - 2));
        }
    }

    private OffsetDateTime lastAnalysed(String table) {
        return jdbc.sql("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = ? AND last_analyze >= ?")
                .params(table, started).query(OffsetDateTime.class).optional().orElse(null);
    }
}
