package dev.rapport.dashboard;

import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.PostgresInitializer;

@ContextConfiguration(initializers = PostgresInitializer.class)
class PostgresDashboardRollupsIntegrationTest extends DashboardRollupsContract {
}
