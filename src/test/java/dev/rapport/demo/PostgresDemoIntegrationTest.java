package dev.rapport.demo;

import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.PostgresInitializer;

@ContextConfiguration(initializers = PostgresInitializer.class)
class PostgresDemoIntegrationTest extends DemoContract {
}
