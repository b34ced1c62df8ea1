package dev.rapport.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.rapport.support.TestDatabases;

/**
 * H2 picks the index the id list can use, not the team's, for "team_id = ? AND id IN (...)", already
 * in a new database that has no statistics yet (V15): otherwise an import's first big transaction
 * scanned the whole team once per slice of ids.
 */
class H2QueryPlanIntegrationTest {
    private static final Pattern INDEX = Pattern.compile("/\\* (.*?) \\*/", Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT owner_id FROM client WHERE team_id = 1 AND id IN (1, 2, 3)",
        "SELECT email FROM client_email WHERE team_id = 1 AND client_id IN (1, 2, 3)",
        "SELECT phone FROM client_phone WHERE team_id = 1 AND client_id IN (1, 2, 3)",
        "SELECT tag FROM client_tag WHERE team_id = 1 AND client_id IN (1, 2, 3)",
        "SELECT due_on FROM client_cadence WHERE team_id = 1 AND client_id IN (1, 2, 3)"})
    void aListOfIdsUsesItsIndexInANewDatabase(String query) {
        JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated("h2"));
        String plan = jdbc.sql("EXPLAIN " + query).query(String.class).single();
        Matcher index = INDEX.matcher(plan);
        assertThat(index.find()).as(plan).isTrue();
        assertThat(index.group(1)).as(plan).contains("IN(").doesNotContain("team_id =");
    }
}
