package dev.rapport.exchange;

import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.PostgresInitializer;

/** Archives from PostgreSQL, restored into H2 (and into fresh PostgreSQL databases for the refusals). */
@ContextConfiguration(initializers = PostgresInitializer.class)
class PostgresArchiveIntegrationTest extends ArchiveContract {
    @Override
    String kind() {
        return "postgres";
    }
}
