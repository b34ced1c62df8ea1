package dev.rapport.limits;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import io.github.bucket4j.TimeMeter;
import tools.jackson.core.StreamReadConstraints;

/** Load limits of the API; the properties and their defaults are in application.properties. */
@Configuration(proxyBeanMethods = false)
class LimitsConfig {

    @Bean
    ApiRateLimit apiRateLimit(@Value("${rapport.rate-limit.enabled:true}") boolean enabled,
                              @Value("${rapport.rate-limit.capacity:200}") long capacity,
                              @Value("${rapport.rate-limit.refill-tokens:50}") long refillTokens,
                              @Value("${rapport.rate-limit.refill-period:1s}") Duration refillPeriod,
                              @Value("${rapport.rate-limit.max-clients:10000}") int maxClients) {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(capacity, refillTokens, refillPeriod), maxClients,
                TimeMeter.SYSTEM_NANOTIME);
        return new ApiRateLimit(limiter, enabled);
    }

    /** Right after the request id filter: an oversized body is refused before security reads anything. */
    @Bean
    FilterRegistrationBean<JsonBodyLimitFilter> jsonBodyLimitFilter(
            @Value("${rapport.max-json-body:1MB}") DataSize maxJsonBody) {
        FilterRegistrationBean<JsonBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new JsonBodyLimitFilter(maxJsonBody.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /**
     * After the body limit and before security (which reads tokens from the database): at most
     * {@code max-in-flight} API requests run at once, the next wait up to {@code max-wait}, then 503.
     * 0 turns it off.
     */
    @Bean
    FilterRegistrationBean<ConcurrencyLimitFilter> concurrencyLimitFilter(
            @Value("${rapport.concurrency.max-in-flight:32}") int maxInFlight,
            @Value("${rapport.concurrency.max-wait:200ms}") Duration maxWait) {
        FilterRegistrationBean<ConcurrencyLimitFilter> registration = new FilterRegistrationBean<>(
                new ConcurrencyLimitFilter(Math.max(1, maxInFlight), maxWait));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns("/api/*");
        registration.setEnabled(maxInFlight > 0);
        return registration;
    }

    /** Deeply nested JSON is refused by the parser (a 400 problem) long before it could exhaust the stack. */
    @Bean
    JsonFactoryBuilderCustomizer jsonNestingLimit(@Value("${rapport.max-json-depth:64}") int maxDepth) {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth).build());
    }
}
