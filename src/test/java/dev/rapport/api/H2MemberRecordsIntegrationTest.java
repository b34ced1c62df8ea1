package dev.rapport.api;

import org.springframework.test.context.ContextConfiguration;

import dev.rapport.support.H2Initializer;

@ContextConfiguration(initializers = H2Initializer.class)
class H2MemberRecordsIntegrationTest extends MemberRecordsContract {
}
