package dev.rapport.bench;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.TierCadence;
import dev.rapport.dashboard.Dashboard;
import dev.rapport.dashboard.DashboardService;

/**
 * The manager dashboard of a generated team (target: 500 members, 200k clients, 10M touches and 2M
 * journal entries in under 100 ms on PostgreSQL), next to the naive query over the raw tables in
 * the same run. Every run moves the 30-day period back a day, so no database answers from a cache.
 */
@Component
public class DashboardBenchmark {
    private final BenchGenerator generator;
    private final DashboardService dashboard;
    private final AttentionService attention;
    private final JdbcBenchData data;

    DashboardBenchmark(BenchGenerator generator, DashboardService dashboard, AttentionService attention,
                       JdbcBenchData data) {
        this.generator = generator;
        this.dashboard = dashboard;
        this.attention = attention;
        this.data = data;
    }

    public record Options(BenchGenerator.Spec spec, int iterations, int naiveIterations) {
    }

    public void run(Options o, PrintWriter out) {
        long t0 = System.nanoTime();
        out.println("Generating (seed " + o.spec().seed() + "):");
        BenchGenerator.Generated g = generator.generate(o.spec(), out);
        out.printf(Locale.ROOT, "Generated %,d users, %,d clients, %,d touches, %,d journal entries and %,d promises "
                        + "in %.1f s%n", g.users().size(), g.clients(), g.touches(), g.journalEntries(), g.promises(),
                (System.nanoTime() - t0) / 1e9);

        LocalDate today = g.today();
        Dashboard sample = dashboard.dashboard(g.manager(), today.minusDays(29), today);
        Dashboard.Figures team = sample.team();
        out.printf(Locale.ROOT, "Last 30 days: %,d members; overdue %,d external + %,d internal, due %,d + %,d; "
                        + "%,d late signals; %,d honeymoon flags; customer-facing %.1f%%%n", sample.members().size(),
                team.external().overdue(), team.internal().overdue(), team.external().due(), team.internal().due(),
                team.clients().lateSignals(), team.clients().honeymoonFlags(),
                team.customerFacingShare() == null ? 0 : team.customerFacingShare());
        Dashboard.MemberRow busiest = sample.members().stream()
                .max(Comparator.comparingInt(m -> m.figures().clients().overdue())).orElseThrow();

        Map<String, TierCadence> tiers = attention.cadences(g.team()).stream()
                .collect(Collectors.toMap(TierCadence::tier, t -> t));
        TierCadence fallback = tiers.values().stream().min(Comparator.comparingInt(TierCadence::rank)).orElseThrow();
        out.println();
        out.println(String.format(Locale.ROOT, "%-40s %9s %9s %9s %12s %8s", "case (ms)", "p50", "p95", "p99",
                "naive p50", "ratio"));
        double[] fast = JournalBenchmark.measure(i -> dashboard.dashboard(g.manager(), today.minusDays(29 + i % 60),
                today.minusDays(i % 60)), o.iterations());
        double[] naive = JournalBenchmark.measure(i -> data.naiveDashboard(g.team(), today.minusDays(29 + i % 60),
                today.minusDays(i % 60), today, g.zone(), tier -> {
                    TierCadence t = tiers.getOrDefault(tier, fallback);
                    return new int[] {t.idealDays(), t.maxDays()};
                }), o.naiveIterations());
        row(out, "dashboard, " + g.users().size() + " members, 30 days", fast, naive[0]);
        IntFunction<?> drill = i -> dashboard.overdue(g.manager(), busiest.userId(), null, null, 50);
        double[] d = JournalBenchmark.measure(drill, o.iterations());
        row(out, "drill-down, first 50 overdue of " + busiest.figures().clients().overdue(), d, Double.NaN);
        out.flush();
    }

    private static void row(PrintWriter out, String name, double[] f, double naive) {
        out.println(String.format(Locale.ROOT, "%-40s %9.2f %9.2f %9.2f %12s %8s", name, f[0], f[1], f[2],
                Double.isNaN(naive) ? "-" : String.format(Locale.ROOT, "%.2f", naive),
                Double.isNaN(naive) ? "-" : String.format(Locale.ROOT, "%.1fx", naive / Math.max(f[0], 1e-6))));
    }
}
