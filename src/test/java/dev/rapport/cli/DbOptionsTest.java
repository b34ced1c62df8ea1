package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DbOptionsTest {

    private static DbOptions options(String url, String user) {
        DbOptions db = new DbOptions();
        db.dbUrl = url;
        db.dbUser = user;
        return db;
    }

    @Test
    void withoutAnyUrlTheEmbeddedFileDatabaseIsUsedAndAnEmptyVariableIsNone() {
        Map<String, String> props = options(null, null).properties(Map.of("RAPPORT_DB_URL", " "));
        assertThat(props).containsEntry("spring.datasource.url", "jdbc:h2:file:./data/rapport;MODE=PostgreSQL"
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=128;USER=sa")
                .doesNotContainKey("spring.datasource.username");
    }

    @Test
    void theOptionBeatsTheEnvironmentWhichIsThenNotRead() {
        Map<String, String> props = options("jdbc:h2:file:/tmp/a", null)
                .properties(Map.of("RAPPORT_DB_URL", "jdbc:h2:file:/tmp/b;MODE=MySQL"));
        assertThat(props.get("spring.datasource.url")).startsWith("jdbc:h2:file:/tmp/a;MODE=PostgreSQL");
    }

    @Test
    void aUserGivenSeparatelyIsNotAlsoPutInTheUrl() {
        Map<String, String> props = options(null, null).properties(Map.of("RAPPORT_DB_URL", "jdbc:h2:file:/tmp/c",
                "RAPPORT_DB_USER", "admin"));
        assertThat(props).containsEntry("spring.datasource.username", "admin");
        assertThat(props.get("spring.datasource.url")).doesNotContain("USER=");
        assertThat(options("jdbc:postgresql://localhost/r", "rapport").properties(Map.of()))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://localhost/r")
                .containsEntry("spring.datasource.username", "rapport");
    }
}
