package dev.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

class PostgresBatchInsertsTest {
    private final PostgresBatchInserts processor = new PostgresBatchInserts();

    @Test
    void onlyPostgresPoolsGetMultiRowInsertsAndAnOperatorsChoiceWins() {
        assertThat(rewrite("jdbc:postgresql://localhost/rapport")).isEqualTo("true");
        assertThat(rewrite("jdbc:h2:file:./data/rapport")).as("H2 refuses unknown settings").isNull();
        assertThat(rewrite("jdbc:postgresql://localhost/rapport?reWriteBatchedInserts=false")).as("set in the URL")
                .isNull();
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl("jdbc:postgresql://localhost/rapport");
            ds.addDataSourceProperty(PostgresBatchInserts.PROPERTY, "false");
            processor.postProcessAfterInitialization(ds, "dataSource");
            assertThat(ds.getDataSourceProperties().getProperty(PostgresBatchInserts.PROPERTY)).isEqualTo("false");
        }
    }

    private String rewrite(String url) {
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(url);
            processor.postProcessAfterInitialization(ds, "dataSource");
            return ds.getDataSourceProperties().getProperty(PostgresBatchInserts.PROPERTY);
        }
    }
}
