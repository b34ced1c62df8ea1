package dev.rapport.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/** A cached queue answers only for exactly the inputs it was computed from, and only until it ends. */
class QueueCacheTest {
    private static final TeamId TEAM = new TeamId(1);
    private static final UserId ANA = new UserId(10);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final AttentionPolicy POLICY = AttentionPolicy.of(TierCadence.defaults(), "phone");
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant END = NOW.plusSeconds(60);
    private static final AttentionService.Queue QUEUE = new AttentionService.Queue(DAY, List.of(), 0);

    private final QueueCache cache = new QueueCache();

    @Test
    void answersForTheSameInputsUntilItEnds() {
        cache.put(TEAM, ANA, new QueueCache.Cached(7, DAY, ZONE, POLICY, END, QUEUE));
        assertThat(cache.get(TEAM, ANA, 7, DAY, ZONE, POLICY, NOW)).isSameAs(QUEUE);
        assertThat(cache.get(TEAM, ANA, 7, DAY, ZONE, AttentionPolicy.of(TierCadence.defaults(), "phone"), NOW))
                .as("an equal policy read again").isSameAs(QUEUE);
        assertThat(cache.get(TEAM, ANA, 7, DAY, ZONE, POLICY, END)).as("ended").isNull();
    }

    @Test
    void anyChangedInputIsAMiss() {
        cache.put(TEAM, ANA, new QueueCache.Cached(7, DAY, ZONE, POLICY, END, QUEUE));
        assertThat(cache.get(TEAM, ANA, 8, DAY, ZONE, POLICY, NOW)).as("a write since").isNull();
        assertThat(cache.get(TEAM, ANA, 7, DAY.plusDays(1), ZONE, POLICY, NOW)).as("another day").isNull();
        assertThat(cache.get(TEAM, ANA, 7, DAY, ZoneId.of("UTC"), POLICY, NOW)).as("another zone").isNull();
        assertThat(cache.get(TEAM, ANA, 7, DAY, ZONE, AttentionPolicy.of(TierCadence.defaults(), "none configured"),
                NOW)).as("other settings").isNull();
        assertThat(cache.get(TEAM, new UserId(11), 7, DAY, ZONE, POLICY, NOW)).as("another member").isNull();
        assertThat(cache.get(new TeamId(2), ANA, 7, DAY, ZONE, POLICY, NOW)).as("the member in another team")
                .isNull();
    }

    @Test
    void oneMembersRecomputationsRunOneAtATime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> runs = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return cache.exclusive(TEAM, ANA, () -> {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            sleep(5);
                            return inside.decrementAndGet();
                        });
                    })).toList();
            start.countDown();
            for (Future<Integer> run : runs) {
                assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).as("readers of one member computing at once").isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
