package dev.rapport.cli;

import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.PostgresInitializer;

@ContextConfiguration(initializers = PostgresInitializer.class)
class PostgresExchangeCliIntegrationTest extends ExchangeCliContract {
}
