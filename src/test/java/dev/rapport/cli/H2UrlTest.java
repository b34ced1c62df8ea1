package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class H2UrlTest {
    private static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=128";

    @Test
    void aPlainFileUrlGetsEverySettingRapportNeedsAndTheDefaultUser() {
        assertThat(H2Url.complete("jdbc:h2:file:/tmp/x/db")).isEqualTo("jdbc:h2:file:/tmp/x/db" + SETTINGS + ";USER=sa");
        assertThat(H2Url.complete("jdbc:h2:file:/tmp/x/db", false)).isEqualTo("jdbc:h2:file:/tmp/x/db" + SETTINGS);
    }

    @Test
    void settingsAlreadyGivenAreKeptWhateverTheirCase() {
        String url = "jdbc:h2:file:./data/rapport;mode=postgresql;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";WRITE_DELAY=500;QUERY_CACHE_SIZE=16;USER=sa";
        assertThat(H2Url.complete(url)).isEqualTo(url);
        assertThat(H2Url.complete(H2Url.complete(url))).isEqualTo(url);
        assertThat(H2Url.complete("jdbc:h2:mem:t;user=me;")).isEqualTo("jdbc:h2:mem:t;user=me" + SETTINGS);
    }

    @Test
    void anEscapedSemicolonStaysInItsValue() {
        String url = "jdbc:h2:mem:t;INIT=CREATE SCHEMA IF NOT EXISTS s\\;SET SCHEMA s\\;";
        assertThat(H2Url.complete(url)).isEqualTo(url + SETTINGS + ";USER=sa");
        assertThat(H2Url.complete("jdbc:h2:mem:t;INIT=SET MODE=MySQL\\;")).contains(";MODE=PostgreSQL;");
    }

    @Test
    void aContradictingSettingIsRefusedByName() {
        assertThatThrownBy(() -> H2Url.complete("jdbc:h2:file:/tmp/db;MODE=MySQL"))
                .isInstanceOf(CliException.class)
                .hasMessage("the H2 URL sets MODE=MySQL, but Rapport needs MODE=PostgreSQL");
        assertThatThrownBy(() -> H2Url.complete("jdbc:h2:file:/tmp/db;DATABASE_TO_UPPER=true"))
                .isInstanceOf(CliException.class)
                .hasMessage("the H2 URL sets DATABASE_TO_UPPER=TRUE, but Rapport needs DATABASE_TO_LOWER=TRUE");
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        assertThat(H2Url.complete("jdbc:postgresql://localhost/rapport")).isEqualTo("jdbc:postgresql://localhost/rapport");
        assertThat(H2Url.complete(null)).isNull();
    }
}
