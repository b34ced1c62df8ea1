package dev.rapport.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.rapport.support.TestDatabases;

/**
 * Failed sign-ins arriving at once (one attacker, many connections, several instances) must all
 * count: a lost update would let parallel guessing run past the limit forever.
 */
class LoginThrottleConcurrencyIntegrationTest {
    private static final int THREADS = 8;
    private static final int EACH = 25;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyConcurrentFailureCounts(String kind) throws Exception {
        JdbcThrottleRepository counters = new JdbcThrottleRepository(JdbcClient.create(TestDatabases.migrated(kind)));
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        LoginThrottle throttle = new LoginThrottle(counters, clock, 1000, 1000, Duration.ofMinutes(15));

        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < EACH; i++) {
                        throttle.failed("ada@example.com", "10.0.0.1");
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(counters.find("email:ada@example.com").orElseThrow().failures()).isEqualTo(THREADS * EACH);
        assertThat(counters.find("ip:10.0.0.1").orElseThrow().failures()).isEqualTo(THREADS * EACH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theLimitBlocksUntilTheWindowEndsThenCountingStartsAfresh(String kind) {
        JdbcThrottleRepository counters = new JdbcThrottleRepository(JdbcClient.create(TestDatabases.migrated(kind)));
        dev.rapport.support.MutableClock clock = new dev.rapport.support.MutableClock();
        LoginThrottle throttle = new LoginThrottle(counters, clock, 3, 1000, Duration.ofMinutes(15));
        throttle.failed("ada@example.com", null);
        clock.advance(Duration.ofMinutes(5));
        throttle.failed("ada@example.com", null);
        assertThat(throttle.blocked("ada@example.com", null)).isEmpty();
        throttle.failed("ada@example.com", null);
        assertThat(throttle.blocked("ada@example.com", null)).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.blocked("ada@example.com", null)).isEmpty();
        throttle.failed("ada@example.com", null);
        assertThat(counters.find("email:ada@example.com").orElseThrow().failures()).as("a new window").isEqualTo(1);
        assertThat(throttle.blocked("ada@example.com", null)).isEmpty();
        throttle.succeeded("ada@example.com");
        assertThat(counters.find("email:ada@example.com")).isEmpty();
    }
}
