package dev.rapport.bench;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;

import org.springframework.stereotype.Component;

import dev.rapport.attention.HoneymoonJob;
import dev.rapport.clients.Channel;
import dev.rapport.clients.ClientService;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.Role;

/**
 * The nightly honeymoon job over a generated team, next to the naive N+1 baseline in the same run
 * (target: 200k clients and 10M touches in under 30 s on PostgreSQL).
 */
@Component
public class HoneymoonBenchmark {
    private final AccountService accounts;
    private final ClientService clients;
    private final HoneymoonJob job;
    private final JdbcBenchData data;
    private final Clock clock;

    HoneymoonBenchmark(AccountService accounts, ClientService clients, HoneymoonJob job, JdbcBenchData data,
                       Clock clock) {
        this.accounts = accounts;
        this.clients = clients;
        this.job = job;
        this.data = data;
        this.clock = clock;
    }

    public record Options(int clients, int touchesPerClient, int signedDays, long seed) {
    }

    public void run(Options o, PrintWriter out) {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        long t0 = System.nanoTime();
        TeamId team = accounts.createTeam("Bench " + clock.instant(), zone.getId());
        UserId owner = accounts.createUser(team, "honeymoon-" + clock.millis() + "@bench.local", "Bench", "bench password",
                Role.OWNER);
        int touches = data.loadSignedClients(team, owner, o.clients(), o.touchesPerClient(), today, zone, o.signedDays(),
                new Random(o.seed()));
        out.printf(Locale.ROOT, "Loaded %,d clients (signed over %d days) and %,d touches in %.1f s%n", o.clients(),
                o.signedDays(), touches, (System.nanoTime() - t0) / 1e9);
        var weights = clients.channelWeights(team);
        java.util.function.ToIntFunction<String> weight = c -> weights.weight(Channel.fromCode(c).orElse(Channel.EMAIL));
        // one warm-up run of each, so neither side pays for class loading and JIT compilation
        job.run();
        data.naiveHoneymoon(team, today, zone, weight);
        long f = System.nanoTime();
        int evaluated = job.run();
        double fast = (System.nanoTime() - f) / 1e9;
        long n = System.nanoTime();
        int naiveDropped = data.naiveHoneymoon(team, today, zone, weight);
        double naive = (System.nanoTime() - n) / 1e9;
        out.printf(Locale.ROOT, "%n%-44s %10s %12s %8s%n", "case (s)", "job", "naive N+1", "ratio");
        out.printf(Locale.ROOT, "%-44s %10.2f %12.2f %7.1fx%n", "nightly honeymoon check, all teams", fast, naive,
                naive / Math.max(fast, 1e-6));
        out.printf(Locale.ROOT, "clients evaluated (all teams): %,d; drops in the bench team (naive): %,d%n", evaluated,
                naiveDropped);
        out.flush();
    }
}
