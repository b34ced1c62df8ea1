package dev.rapport.bench;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

import org.springframework.stereotype.Component;

import dev.rapport.journal.JournalReports;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;

/**
 * The journal's hot paths at scale, each next to the naive baseline in the same run: one user's
 * yearly challenge report (target < 50 ms) and a manager's quarter report for a team (< 200 ms).
 */
@Component
public class JournalBenchmark {
    private final AccountService accounts;
    private final JournalReports reports;
    private final JdbcBenchData data;
    private final Clock clock;

    JournalBenchmark(AccountService accounts, JournalReports reports, JdbcBenchData data, Clock clock) {
        this.accounts = accounts;
        this.reports = reports;
        this.data = data;
        this.clock = clock;
    }

    public record Options(int users, int days, int teamDays, int iterations, long seed) {
    }

    public void run(Options o, PrintWriter out) {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Random random = new Random(o.seed());
        long t0 = System.nanoTime();
        TeamId team = accounts.createTeam("Bench " + clock.instant(), zone.getId());
        List<CurrentUser> users = new ArrayList<>();
        int entries = 0;
        for (int i = 0; i < o.users(); i++) {
            String email = "bench" + i + "-" + clock.millis() + "@bench.local";
            UserId id = accounts.createUser(team, email, "Bench " + i, "bench password " + i,
                    i == 0 ? Role.MANAGER : Role.MEMBER);
            users.add(new CurrentUser(id, team, i == 0 ? Role.MANAGER : Role.MEMBER, zone, email, "Bench " + i));
            int days = i == 0 ? o.days() : o.teamDays();
            entries += data.loadJournal(team, id, today.minusDays(days), today.minusDays(1), zone, random);
        }
        out.printf(Locale.ROOT, "Loaded %d users and %,d journal entries in %.1f s%n", o.users(), entries,
                (System.nanoTime() - t0) / 1e9);
        CurrentUser manager = users.get(0);
        LocalDate yearStart = today.minusDays(364);
        LocalDate quarterStart = today.minusDays(90);
        out.println();
        out.println(String.format(Locale.ROOT, "%-34s %9s %9s %9s %12s %8s", "case (ms)", "p50", "p95", "p99",
                "naive p50", "ratio"));
        // every run shifts the period by a day: H2 would otherwise answer repeated queries from its result cache
        row(out, "yearly report, one user", o.iterations(),
                i -> reports.report(manager, yearStart.minusDays(i), today.minusDays(i)),
                i -> data.naiveLoggedSeconds(team, manager.userId(), yearStart.minusDays(i), today.minusDays(i), zone));
        row(out, "team quarter report, " + o.users() + " users", o.iterations(),
                i -> reports.team(manager, quarterStart.minusDays(i), today.minusDays(i)),
                i -> data.naiveTeamRows(team, quarterStart.minusDays(i), today.minusDays(i)));
        out.flush();
    }

    private static void row(PrintWriter out, String name, int iterations, IntFunction<?> fast, IntFunction<?> naive) {
        double[] f = measure(fast, iterations);
        double[] n = measure(naive, iterations);
        out.println(String.format(Locale.ROOT, "%-34s %9.2f %9.2f %9.2f %12.2f %7.1fx", name, f[0], f[1], f[2], n[0],
                n[0] / Math.max(f[0], 1e-6)));
    }

    /** p50, p95, p99 in milliseconds after a warm-up of a fifth of the iterations (at least 3). */
    static double[] measure(IntFunction<?> action, int iterations) {
        return measure(action, Math.max(3, iterations / 5), iterations);
    }

    /** p50, p95, p99 in milliseconds of `iterations` runs after `warmUp` unmeasured ones. */
    static double[] measure(IntFunction<?> action, int warmUp, int iterations) {
        for (int i = 0; i < warmUp; i++) {
            action.apply(i);
        }
        double[] ms = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            action.apply(warmUp + i);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {pct(ms, 0.50), pct(ms, 0.95), pct(ms, 0.99)};
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
