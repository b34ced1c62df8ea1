package dev.rapport.bench;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.HoneymoonJob;
import dev.rapport.attention.TierCadence;
import dev.rapport.clients.Channel;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientQuery;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.ClientStatus;
import dev.rapport.clients.Direction;
import dev.rapport.clients.NewTouch;
import dev.rapport.journal.JournalReports;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.Page;
import dev.rapport.shared.TeamId;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;

/**
 * `bench run`: the hot paths of a generated team through the public services, each next to its
 * naive baseline over the raw tables measured in the same run, as p50/p95/p99 after a warm-up.
 * Members are rotated from one run to the next, so the database answers from its own caches no more
 * than a real team would make it; only the queue's "cached" row is meant to hit the queue cache.
 */
@Component
public class HotPathBenchmark {
    private static final int PAGE = 50;
    /** The name of the client each run's write case creates, before a suffix. */
    private static final String WRITTEN_CLIENT = "Bench hot paths ";
    /** Timed touches the write case logs per day (see touchTime). */
    private static final int TOUCHES_PER_DAY = 20;
    static final String[] CASES = {"attention queue, one member (cached)", "client list, first page (member)",
        "client list, next page (member, keyset)", "client list, first page (whole team)",
        "client timeline, first page", "record a touch (rollups kept)", "team dashboard, 30 days",
        "24-hour report, one member, quarter", "time-share report, team, quarter", "honeymoon nightly job",
        "attention queue, one member (computed)"};

    private final BenchGenerator generator;
    private final GenerateBenchmark generate;
    private final ClientService clients;
    private final AttentionService attention;
    private final JournalReports reports;
    private final HoneymoonJob honeymoon;
    private final DashboardBenchmark dashboards;
    private final ImportBenchmark imports;
    private final JdbcHotPathData naive;
    private final JdbcBenchData benchData;
    private final Clock clock;

    HotPathBenchmark(BenchGenerator generator, GenerateBenchmark generate, ClientService clients,
                     AttentionService attention, JournalReports reports, HoneymoonJob honeymoon,
                     DashboardBenchmark dashboards, ImportBenchmark imports, JdbcHotPathData naive,
                     JdbcBenchData benchData, Clock clock) {
        this.generator = generator;
        this.generate = generate;
        this.clients = clients;
        this.attention = attention;
        this.reports = reports;
        this.honeymoon = honeymoon;
        this.dashboards = dashboards;
        this.imports = imports;
        this.naive = naive;
        this.benchData = benchData;
        this.clock = clock;
    }

    /** team: an earlier `bench generate` (else spec is generated first); importContacts 0 skips the import. */
    public record Options(Long team, BenchGenerator.Spec spec, int warmUp, int iterations, int naiveIterations,
                          int importContacts) {
    }

    /** One line of the table: fast and naive p50/p95/p99 in ms, and the JVM's CPU ms per fast run. */
    record Row(String name, double[] fast, double[] naive, double cpuMs) {
        double ratio() {
            return naive[0] / Math.max(fast[0], 1e-6);
        }
    }

    public void run(Options o, PrintWriter out) {
        BenchGenerator.Generated g = o.team() != null ? generator.existing(new TeamId(o.team()))
                : generate.run(o.spec(), false, out, BenchGenerator.Progress.NONE);
        List<CurrentUser> members = g.users().stream().filter(u -> u.role() == Role.MEMBER).toList();
        if (members.isEmpty()) {
            members = List.of(g.manager());
        }
        double cpu0 = BenchMachine.processCpuSeconds();
        long t0 = System.nanoTime();
        String loadBefore = BenchMachine.load();
        out.printf(Locale.ROOT, "%nHot paths of team %d (%,d users), warm-up %d, %d runs, naive %d runs; %s%n",
                g.team().value(), g.users().size(), o.warmUp(), o.iterations(), o.naiveIterations(), loadBefore);
        Context c = new Context(g, members, o);
        List<Row> rows = new ArrayList<>();
        rows.addAll(queue(c));
        rows.addAll(lists(c));
        rows.add(timeline(c));
        Written written = recordTouch(c);
        rows.add(written.row());
        double[][] d = dashboards.measure(g, o.warmUp(), o.iterations(), o.naiveIterations());
        rows.add(new Row(CASES[6] + ", " + g.users().size() + " users", d[0], d[1], Double.NaN));
        rows.addAll(journal(c));
        rows.add(honeymoon(c));
        print(rows, out);
        out.println("naive = the obvious query over the raw tables; ratio = naive p50 / p50; cpu/run = JVM CPU ms "
                + "per run (on PostgreSQL the database's own CPU is not in it)");
        out.printf(Locale.ROOT, "Measured in %.1f s, JVM CPU %.1f s; %s at start, %s at end%n",
                (System.nanoTime() - t0) / 1e9, BenchMachine.processCpuSeconds() - cpu0, loadBefore,
                BenchMachine.load());
        if (o.importContacts() > 0) {
            out.println();
            out.printf(Locale.ROOT, "Import rate (%,d contacts into a new team, as `rapport bench import`):%n",
                    o.importContacts());
            imports.run(new ImportBenchmark.Options(o.importContacts(), o.spec().seed()), out);
        } else {
            out.println("Import rate: see `rapport bench import`");
        }
        generate.checkRollups(g, List.of(written.client()), out);
        generate.checkDayTotals(g, out);
        out.flush();
    }

    /** What every case shares. */
    private record Context(BenchGenerator.Generated g, List<CurrentUser> members, Options o) {
        CurrentUser member(int i) {
            return members.get(i % members.size());
        }

        LocalDate today() {
            return g.today();
        }
    }

    /**
     * The queue as members see it (answered from the cache: nothing changed since their last look)
     * and as computed after a change; both against the same naive query.
     */
    private List<Row> queue(Context c) {
        Map<String, TierCadence> tiers = attention.cadences(c.g().team()).stream()
                .collect(Collectors.toMap(TierCadence::tier, t -> t));
        TierCadence fallback = tiers.values().stream().min(Comparator.comparingInt(TierCadence::rank)).orElseThrow();
        Function<String, int[]> cadence = tier -> {
            TierCadence t = tiers.getOrDefault(tier, fallback);
            return new int[] {t.idealDays(), t.maxDays()};
        };
        // each member has looked at their queue once since their last change: the state the cached row measures
        c.members().forEach(m -> attention.queue(m, c.today()));
        IntFunction<?> naiveQueue = i -> naive.naiveQueue(c.g().team(), c.member(i).userId(), c.today(),
                c.g().zone(), cadence);
        return List.of(measure(c, CASES[0], i -> attention.queue(c.member(i), c.today()).entries().size(), naiveQueue),
                measure(c, CASES[10], i -> attention.computedQueue(c.member(i), c.today()).entries().size(),
                        naiveQueue));
    }

    private List<Row> lists(Context c) {
        List<Row> rows = new ArrayList<>();
        rows.add(measure(c, CASES[1], i -> listPage(c.member(i), null),
                i -> naive.naiveListPage(c.g().team(), c.member(i).userId(), 0, PAGE, c.today(), c.g().zone(), i)));
        // the cursor each member's first page hands out; members with one page only have none and sit this out
        List<CurrentUser> paged = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (CurrentUser m : c.members()) {
            String next = search(m, null).nextCursor();
            if (next != null) {
                paged.add(m);
                cursors.add(next);
            }
        }
        if (!paged.isEmpty()) {
            rows.add(measure(c, CASES[2], i -> listPage(paged.get(i % paged.size()), cursors.get(i % paged.size())),
                    i -> naive.naiveListPage(c.g().team(), paged.get(i % paged.size()).userId(), PAGE, PAGE,
                            c.today(), c.g().zone(), i)));
        }
        rows.add(measure(c, CASES[3], i -> listPage(c.g().manager(), null),
                i -> naive.naiveListPage(c.g().team(), null, 0, PAGE, c.today(), c.g().zone(), i)));
        return rows;
    }

    private Page<Client> search(CurrentUser user, String cursor) {
        return clients.search(user, new ClientQuery(null, null, null, null, null, null, false, cursor, PAGE,
                ClientQuery.Sort.LEAST_RECENT_TOUCH));
    }

    /** The page as the list shows it: the clients, where each stands on its cadence, days since the last touch. */
    private long listPage(CurrentUser user, String cursor) {
        Page<Client> page = search(user, cursor);
        var status = attention.cadenceStatus(user, page.items());
        LocalDate today = user.today(clock);
        return status.size() + page.items().stream().filter(x -> x.lastTouchAt() != null)
                .mapToLong(x -> ChronoUnit.DAYS.between(x.lastTouchAt().atZone(user.zone()).toLocalDate(), today))
                .sum();
    }

    private Row timeline(Context c) {
        CurrentUser member = c.member(0);
        List<ClientId> ids = naive.clientsOf(c.g().team(), member.userId(), 200);
        return measure(c, CASES[4], i -> clients.timeline(member, ids.get(i % ids.size()), null, PAGE).items().size(),
                i -> naive.naiveTimeline(c.g().team(), ids.get(i % ids.size()), PAGE));
    }

    private record Written(Row row, ClientId client) {
    }

    /**
     * Touches on a client of its own, so the team's figures stay sane. The naive writes bypass the
     * dashboard rollups, so they are measured first and deleted again before the real writes.
     */
    private Written recordTouch(Context c) {
        // each run writes as the next member: one member's days would pile up every run's touches, and
        // each write re-tallies its day (after 13 runs on one member: 200-290 timed touches a day)
        CurrentUser member = c.member(naive.countNamed(c.g().team(), WRITTEN_CLIENT));
        String name = WRITTEN_CLIENT + Long.toString(clock.millis(), 36);
        Client client = clients.create(member, new ClientDetails(name, null, List.of(), List.of(), List.of(),
                List.of("bench"), member.userId(), "B", ClientStatus.ACTIVE, ClientKind.EXTERNAL, null, null, null,
                null, "Written to by `rapport bench run`", null));
        var rich = clients.channelWeights(c.g().team()).richChannels();
        Channel[] channels = Channel.values();
        Instant base = clock.instant().minus(1, ChronoUnit.HOURS);
        IntFunction<Object> naiveWrite = i -> {
            naive.naiveRecordTouch(c.g().team(), client.id(), member.userId(), touchTime(base, i),
                    channels[i % channels.length], i % 3 != 0, rich);
            return null;
        };
        double[] n = JournalBenchmark.measure(naiveWrite, naiveWarmUp(c), c.o().iterations());
        naive.deleteNaiveTouches(c.g().team(), client.id(), rich);
        long cpu = BenchMachine.threadCpuNanos();
        IntFunction<Object> write = i -> clients.recordTouch(member, client.id(), new NewTouch(touchTime(base, i),
                channels[i % channels.length], i % 3 != 0 ? Direction.OUTBOUND : Direction.INBOUND, 5, null, null,
                false, false));
        double[] f = JournalBenchmark.measure(write, c.o().warmUp(), c.o().iterations());
        return new Written(new Row(CASES[5], f, n, cpuMs(cpu, c.o().warmUp() + c.o().iterations())), client.id());
    }

    /**
     * A working day's worth of timed touches per day, going back from base: each write re-tallies its
     * day, so piling a run's writes into one hour would time a day no one logs (hundreds of overlapping
     * touches) and grow with the run count. Each run writes as another member (see recordTouch).
     */
    private static Instant touchTime(Instant base, int i) {
        return base.minus(i / TOUCHES_PER_DAY, ChronoUnit.DAYS).minus(i % TOUCHES_PER_DAY * 20L, ChronoUnit.MINUTES);
    }

    private List<Row> journal(Context c) {
        LocalDate today = c.today();
        CurrentUser manager = c.g().manager();
        // every run shifts the quarter by a day: H2 would otherwise answer repeated queries from its result cache
        Row day = measure(c, CASES[7], i -> reports.report(c.member(i), today.minusDays(91 + i % 30),
                        today.minusDays(1 + i % 30)),
                i -> benchData.naiveLoggedSeconds(c.g().team(), c.member(i).userId(), today.minusDays(91 + i % 30),
                        today.minusDays(1 + i % 30), c.g().zone()));
        Row team = measure(c, CASES[8], i -> reports.team(manager, today.minusDays(91 + i % 30),
                        today.minusDays(1 + i % 30)),
                i -> benchData.naiveTeamRows(c.g().team(), today.minusDays(91 + i % 30), today.minusDays(1 + i % 30)));
        return List.of(day, team);
    }

    /** The nightly job takes seconds at full size: a few runs each, after one warm-up. */
    private Row honeymoon(Context c) {
        var weights = clients.channelWeights(c.g().team());
        java.util.function.ToIntFunction<String> weight = ch -> weights.weight(Channel.fromCode(ch)
                .orElse(Channel.EMAIL));
        int runs = Math.min(5, c.o().iterations());
        long cpu = BenchMachine.threadCpuNanos();
        double[] f = JournalBenchmark.measure(i -> honeymoon.run(), 1, runs);
        double cpuMs = cpuMs(cpu, runs + 1);
        double[] n = JournalBenchmark.measure(i -> benchData.naiveHoneymoon(c.g().team(), c.today(), c.g().zone(),
                weight), 1, Math.min(3, c.o().naiveIterations()));
        return new Row(CASES[9] + " (all teams)", f, n, cpuMs);
    }

    private Row measure(Context c, String name, IntFunction<?> fast, IntFunction<?> slow) {
        long cpu = BenchMachine.threadCpuNanos();
        double[] f = JournalBenchmark.measure(fast, c.o().warmUp(), c.o().iterations());
        double cpuMs = cpuMs(cpu, c.o().warmUp() + c.o().iterations());
        double[] n = JournalBenchmark.measure(slow, naiveWarmUp(c), c.o().naiveIterations());
        return new Row(name, f, n, cpuMs);
    }

    /** The naive side gets a shorter warm-up: its runs are the slow ones, and its time is in the database. */
    private static int naiveWarmUp(Context c) {
        return Math.min(c.o().warmUp(), 2);
    }

    private static double cpuMs(long startNanos, int runs) {
        long end = BenchMachine.threadCpuNanos();
        return startNanos < 0 || end < 0 ? Double.NaN : (end - startNanos) / 1e6 / runs;
    }

    private static void print(List<Row> rows, PrintWriter out) {
        out.println();
        out.println(String.format(Locale.ROOT, "%-48s %9s %9s %9s %11s %11s %9s %8s", "hot path (ms)", "p50", "p95",
                "p99", "naive p50", "naive p99", "ratio", "cpu/run"));
        for (Row r : rows) {
            out.println(String.format(Locale.ROOT, "%-48s %9.2f %9.2f %9.2f %11.2f %11.2f %8.1fx %8s", r.name(),
                    r.fast()[0], r.fast()[1], r.fast()[2], r.naive()[0], r.naive()[2], r.ratio(),
                    Double.isNaN(r.cpuMs()) ? "-" : String.format(Locale.ROOT, "%.2f", r.cpuMs())));
        }
    }
}
