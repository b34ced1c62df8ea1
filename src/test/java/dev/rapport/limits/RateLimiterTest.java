package dev.rapport.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

class RateLimiterTest {
    /** A hand-driven monotonic time source. */
    static final class FakeTime implements TimeMeter {
        long nanos = 1_000_000_000L;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration d) {
            nanos += d.toNanos();
        }
    }

    final FakeTime time = new FakeTime();

    RateLimiter limiter(long capacity, long refill, Duration period, int maxClients) {
        return new RateLimiter(new RateLimiter.Limit(capacity, refill, period), maxClients, time);
    }

    @Test
    void aBurstUpToTheCapacityPassesThenTheNextWaitsForTheRefill() {
        RateLimiter limiter = limiter(3, 1, Duration.ofSeconds(10), 100);
        for (int i = 2; i >= 0; i--) {
            RateLimiter.Decision d = limiter.tryConsume("token:a");
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(i);
            assertThat(d.limit()).isEqualTo(3);
        }
        RateLimiter.Decision refused = limiter.tryConsume("token:a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);

        time.advance(Duration.ofSeconds(4));
        assertThat(limiter.tryConsume("token:a").retryAfterSeconds()).as("whole seconds, rounded up").isEqualTo(6);
        time.advance(Duration.ofSeconds(6));
        assertThat(limiter.tryConsume("token:a").allowed()).isTrue();
        assertThat(limiter.tryConsume("token:a").allowed()).isFalse();
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        RateLimiter limiter = limiter(1, 1000, Duration.ofSeconds(1), 100);
        assertThat(limiter.tryConsume("k").allowed()).isTrue();
        RateLimiter.Decision refused = limiter.tryConsume("k");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void everyKeyHasItsOwnBucket() {
        RateLimiter limiter = limiter(1, 1, Duration.ofMinutes(1), 100);
        assertThat(limiter.tryConsume("token:a").allowed()).isTrue();
        assertThat(limiter.tryConsume("token:a").allowed()).isFalse();
        assertThat(limiter.tryConsume("token:b").allowed()).isTrue();
        assertThat(limiter.tryConsume("address:10.0.0.1").allowed()).isTrue();
    }

    @Test
    void idleBucketsThatHaveRefilledAreDroppedWithoutLosingTheirLimit() {
        RateLimiter limiter = limiter(2, 1, Duration.ofSeconds(1), 5); // full again 2 s after the last use
        for (int i = 0; i < 4; i++) {
            limiter.tryConsume("idle-" + i);
        }
        time.advance(Duration.ofMillis(1500));
        limiter.tryConsume("busy");
        limiter.tryConsume("busy");
        assertThat(limiter.size()).isEqualTo(5);
        time.advance(Duration.ofSeconds(1));
        limiter.tryConsume("newcomer");
        assertThat(limiter.size()).as("the refilled idle buckets went; busy and the newcomer stayed").isEqualTo(2);
        RateLimiter.Decision busy = limiter.tryConsume("busy");
        assertThat(busy.allowed()).isTrue();
        assertThat(busy.remaining()).as("busy kept its state (a new bucket would have 1 left)").isZero();
    }

    @Test
    void theMapNeverGrowsFarBeyondItsBoundEvenWhenEveryoneIsActive() {
        RateLimiter limiter = limiter(100, 1, Duration.ofHours(1), 50);
        for (int i = 0; i < 1000; i++) {
            limiter.tryConsume("address:" + i);
            time.advance(Duration.ofMillis(1));
            assertThat(limiter.size()).isLessThanOrEqualTo(50);
        }
        // the most recent clients are kept
        assertThat(limiter.tryConsume("address:999").remaining()).isEqualTo(98);
    }

    @Test
    void aSweepLeavesATenthFreeSoThatTheNextNewcomersDoNotSweepAgain() {
        RateLimiter limiter = limiter(100, 1, Duration.ofHours(1), 50);
        for (int i = 0; i < 51; i++) {
            limiter.tryConsume("address:" + i);
            time.advance(Duration.ofMillis(1));
        }
        assertThat(limiter.size()).as("swept down to 45 when the 51st came").isEqualTo(45);
        for (int i = 51; i < 56; i++) {
            limiter.tryConsume("address:" + i);
        }
        assertThat(limiter.size()).as("five newcomers fit without a sweep").isEqualTo(50);
        limiter.tryConsume("address:56");
        assertThat(limiter.size()).isEqualTo(45);
    }

    @Test
    void aLimitNeedsPositiveNumbers() {
        assertThatThrownBy(() -> new RateLimiter.Limit(0, 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter.Limit(1, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
