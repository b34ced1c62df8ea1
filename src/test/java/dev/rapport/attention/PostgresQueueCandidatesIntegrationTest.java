package dev.rapport.attention;

import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.PostgresInitializer;

@ContextConfiguration(initializers = PostgresInitializer.class)
class PostgresQueueCandidatesIntegrationTest extends QueueCandidatesContract {
}
