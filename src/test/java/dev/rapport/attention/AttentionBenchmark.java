package dev.rapport.attention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.rapport.clients.CadenceFacts;
import dev.rapport.clients.CadenceOverride;
import dev.rapport.shared.ClientId;

/**
 * The attention engine's hot loop: one user's queue from their clients' stored facts (what every
 * queue request does after one indexed read). A brokerage agent has a few hundred clients; 2,000
 * is a heavy book. Run through {@code dev.rapport.jmh.JmhBenchmarksTest}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AttentionBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String[] TIERS = {"A", "B", "C"};

    @Param({"400", "2000"})
    public int clients;

    private List<ClientState> book;
    private AttentionPolicy policy;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        policy = AttentionPolicy.of(TierCadence.defaults(), "phone, video, face to face");
        book = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            Instant created = day(400 + random.nextInt(1000));
            Instant last = random.nextInt(10) == 0 ? null : day(random.nextInt(120));
            Instant rich = last == null || random.nextBoolean() ? last : day(30 + random.nextInt(200));
            Instant request = random.nextInt(8) == 0 ? day(random.nextInt(20)) : null;
            CadenceFacts facts = new CadenceFacts(new ClientId(i + 1), "Client " + i, TIERS[random.nextInt(3)],
                    CadenceOverride.NONE, null, created, last, rich, last, request);
            book.add(new ClientState(facts, random.nextInt(50) == 0, null));
        }
    }

    private static Instant day(int daysAgo) {
        return TODAY.minusDays(daysAgo).atTime(10, 0).atZone(ZONE).toInstant();
    }

    @Benchmark
    public List<QueueEntry> queue() {
        return AttentionEngine.queue(book, policy, TODAY, ZONE);
    }
}
