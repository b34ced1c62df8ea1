package dev.rapport.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfig {
    /** The only place that reads the system clock; tests replace this bean. */
    @Bean
    Clock clock() {
        // microsecond ticks: what H2 and PostgreSQL store, so values read back compare equal
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
    }
}
