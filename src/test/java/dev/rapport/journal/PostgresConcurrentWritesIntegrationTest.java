package dev.rapport.journal;

import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.PostgresInitializer;

@ContextConfiguration(initializers = PostgresInitializer.class)
class PostgresConcurrentWritesIntegrationTest extends ConcurrentWritesContract {
}
