package dev.rapport.exchange;

import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.PostgresInitializer;

@ContextConfiguration(initializers = PostgresInitializer.class)
class PostgresDigestIntegrationTest extends DigestContract {
}
