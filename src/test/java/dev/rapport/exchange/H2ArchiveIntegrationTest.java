package dev.rapport.exchange;

import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.H2Initializer;

/** Archives from H2, restored into PostgreSQL (and into fresh H2 databases for the refusals). */
@ContextConfiguration(initializers = H2Initializer.class)
class H2ArchiveIntegrationTest extends ArchiveContract {
    @Override
    String kind() {
        return "h2";
    }
}
