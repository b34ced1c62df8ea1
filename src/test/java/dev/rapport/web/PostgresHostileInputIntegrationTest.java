package dev.rapport.web;

import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.PostgresInitializer;

@ContextConfiguration(initializers = PostgresInitializer.class)
class PostgresHostileInputIntegrationTest extends HostileInputContract {
}
