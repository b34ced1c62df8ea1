package dev.rapport.api;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.teams.CurrentUser;
import tools.jackson.databind.JsonNode;

/**
 * Test-only API endpoints, present only in contexts started with {@code rapport.test-endpoints=true}
 * (any other context skips them): free-form JSON (the real API binds records, so its parser never
 * reaches a deep nesting) and a slow request for the graceful-shutdown test. In this package, so
 * the API's problem handling applies to them.
 */
@RestController
@ConditionalOnProperty(name = "rapport.test-endpoints", havingValue = "true")
public class TestEndpoints {
    private static final Logger log = LoggerFactory.getLogger(TestEndpoints.class);
    /** Released once by every slow request as it starts sleeping. */
    public static final Semaphore SLOW_STARTED = new Semaphore(0);
    /** System.nanoTime() when the last slow request finished its work, 0 before. */
    public static final AtomicLong SLOW_FINISHED = new AtomicLong();

    @PostMapping("/api/v1/test/echo")
    JsonNode echo(CurrentUser user, @RequestBody JsonNode body) {
        log.info("echo for user {}", user.userId().value());
        return body;
    }

    @GetMapping("/api/v1/test/slow")
    Map<String, Long> slow(CurrentUser user, @RequestParam long millis) throws InterruptedException {
        SLOW_STARTED.release();
        Thread.sleep(millis);
        SLOW_FINISHED.set(System.nanoTime());
        return Map.of("slept", millis);
    }
}
