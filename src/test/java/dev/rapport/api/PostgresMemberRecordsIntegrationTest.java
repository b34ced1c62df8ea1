package dev.rapport.api;

import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.PostgresInitializer;

@ContextConfiguration(initializers = PostgresInitializer.class)
class PostgresMemberRecordsIntegrationTest extends MemberRecordsContract {
}
