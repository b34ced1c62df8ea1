package dev.rapport.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled jobs; tests switch them off (rapport.jobs.enabled=false) and run jobs explicitly. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "rapport.jobs.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {
}
