package dev.rapport.bench;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.rapport.attention.HoneymoonJob;
import dev.rapport.clients.Channel;
import dev.rapport.clients.ChannelWeights;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.Direction;
import dev.rapport.clients.Rollups;
import dev.rapport.clients.Touch;
import dev.rapport.dashboard.DashboardService;
import dev.rapport.dashboard.TouchDays;
import dev.rapport.deals.Deal;
import dev.rapport.deals.DealService;
import dev.rapport.journal.Category;
import dev.rapport.journal.CategoryClass;
import dev.rapport.journal.DayTally;
import dev.rapport.journal.JournalEntry;
import dev.rapport.journal.TimeSpan;
import dev.rapport.plans.PlanService;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.JdbcBulkWriter;
import dev.rapport.shared.PostgresBulkLoad;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;

/**
 * Generates a whole team reproducibly from a seed, at any size: users, clients (tiers, kinds,
 * overrides, signing dates), their touches (late signals and automated ones included), a time
 * journal, promises, key-account plans, listings and honeymoon flags. Bulk rows go in with COPY on
 * PostgreSQL (batched inserts elsewhere); every rollup is then what writes through the services
 * would have left: the client rollups and journal_day are folded with the services' own rules while
 * generating, the dashboard's are rebuilt with the dashboard's own rules (touches counted by day as
 * they are written, the rest read back), and the honeymoon flags come from the nightly job. Plans
 * and listings are few, so they go through the services.
 *
 * <p>Each client draws from its own random stream (seed, client number), so its touches can be
 * generated twice - once to fold its rollups into the client row, once to write them after the
 * client rows exist - without holding millions of touches in memory.
 */
@Component
public class BenchGenerator {
    public static final String PASSWORD = "bench password";
    /** The categories of a working day, in order; a day takes a run of them. */
    private static final String[] DAY_PLAN = {"email", "errands", "phone", "client_interaction", "web", "email",
        "internal_admin", "errands", "misc", "firefighting", "email", "phone", "web", "errands", "email", "misc",
        "client_interaction", "phone", "email", "internal_admin"};
    private static final int ENTRIES_PER_DAY = 8;
    private static final String SCRATCH_TOUCH = "bench_raw_touch_copy";
    private static final Comparator<Touch> NEWEST_FIRST = Comparator.comparing(Touch::at).reversed();
    private static final Channel[] CHANNELS = Channel.values();

    private final AccountService accounts;
    private final ClientService clients;
    private final PlanService plans;
    private final DealService deals;
    private final DashboardService dashboard;
    private final HoneymoonJob honeymoon;
    private final JdbcBenchData data;
    private final DataSource dataSource;
    private final Clock clock;
    private final TransactionTemplate transactions;

    BenchGenerator(AccountService accounts, ClientService clients, PlanService plans, DealService deals,
                   DashboardService dashboard, HoneymoonJob honeymoon, JdbcBenchData data, DataSource dataSource,
                   PlatformTransactionManager transactions, Clock clock) {
        this.transactions = new TransactionTemplate(transactions);
        this.accounts = accounts;
        this.clients = clients;
        this.plans = plans;
        this.deals = deals;
        this.dashboard = dashboard;
        this.honeymoon = honeymoon;
        this.data = data;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** What to generate. touches and journalEntries are totals for the team (touches approximately). */
    public record Spec(int users, int clients, long touches, long journalEntries, int promisesPerUser, long seed) {
        public Spec {
            if (users < 1 || clients < users || touches < 0 || journalEntries < 0 || promisesPerUser < 0) {
                throw new IllegalArgumentException("need at least one user, a client per user, no negative counts");
            }
        }
    }

    /** The generated team: users.get(0) is its manager (password PASSWORD), the others are members. */
    public record Generated(TeamId team, ZoneId zone, LocalDate today, CurrentUser manager, List<CurrentUser> users,
                            long clients, long touches, long journalEntries, long promises, double touchSeconds) {
    }

    /** Where a long stage is: called often, so an implementation reports only when the shown figure changes. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (stage, done, total) -> { };

        void at(String stage, long done, long total);
    }

    /** How long a raw COPY of the generated touches took: the ceiling the whole bulk load is held against. */
    public record RawCopy(long rows, double seconds) {
        public double rowsPerSecond() {
            return rows / Math.max(seconds, 1e-9);
        }
    }

    public Generated generate(Spec spec, PrintWriter log) {
        return generate(spec, log, Progress.NONE);
    }

    public Generated generate(Spec spec, PrintWriter log, Progress progress) {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        String tag = Long.toString(now.toEpochMilli(), 36);
        Stage stage = new Stage(log);

        TeamId team = accounts.createTeam("Bench " + tag, zone.getId());
        List<CurrentUser> users = users(team, tag, spec.users(), zone, now);
        stage.done("%,d users", users.size());

        ChannelWeights weights = clients.channelWeights(team);
        World world = new World(spec, team, users, zone, today, now, weights);
        bulk(List.of("client"), stage, () -> {
            writeClients(world, progress);
            return null;
        });
        List<Long> clientIds = data.clientIds(team);
        stage.done("%,d clients (rollups folded in)", clientIds.size());
        TouchDays touchDays = new TouchDays(zone);
        TouchFolds folds = new TouchFolds(touchDays, new TimedTouchSpans());
        long touches = bulk(List.of("touch"), stage, () -> withOwnIds("touch",
                firstId -> writeTouches(world, clientIds, "touch", progress, folds, firstId, false)));
        double touchSeconds = stage.done("%,d touches", touches);
        long entries = bulk(List.of("journal_entry", "journal_day"), stage, () -> withOwnIds("journal_entry",
                firstId -> writeJournal(world, folds.timed(), progress, firstId)));
        stage.done("%,d journal entries (journal_day folded in, timed touches counted)", entries);
        long promised = bulk(List.of("promise"), stage, () -> writePromises(world, clientIds));
        stage.done("%,d promises", promised);
        // fresh statistics before the queries over the bulk rows (the honeymoon job, the dashboard rebuild)
        data.analyze();
        stage.done("statistics refreshed");
        int planned = plansAndListings(world, clientIds);
        stage.done("%,d key-account plans and listings (through the services)", planned);
        int evaluated = honeymoon.run();
        stage.done("honeymoon job (%,d clients evaluated)", evaluated);
        bulk(List.of("user_day", "user_month", "client_cadence"), stage, () -> {
            dashboard.rebuild(team, touchDays);
            return null;
        });
        stage.done("dashboard rollups rebuilt (touches counted while writing them)");
        data.analyze(List.of("user_day", "user_month", "client_cadence", "honeymoon"));
        stage.done("statistics refreshed again (rollups)");
        return new Generated(team, zone, today, users.get(0), users, clientIds.size(), touches, entries, promised,
                touchSeconds);
    }

    /**
     * One bulk stage; on PostgreSQL in one transaction that drops the tables' foreign keys and
     * secondary indexes and rebuilds them (and checks the keys) in one pass each at its end, as
     * pg_restore does. The tables are locked until then: generate into a scratch database. A
     * failure rolls back only its stage: a half-generated team stays; use a new scratch database.
     */
    private <T> T bulk(List<String> tables, Stage stage, java.util.function.Supplier<T> load) {
        if (!data.isPostgres()) {
            return load.get(); // H2: batched inserts as before, no stage-long transaction held in the heap
        }
        return transactions.execute(status -> {
            java.sql.Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                List<String> rebuild = new ArrayList<>();
                for (String table : tables) {
                    rebuild.addAll(PostgresBulkLoad.dropForeignKeysAndIndexes(c, table));
                }
                T result = load.get();
                stage.part("rows written");
                PostgresBulkLoad.execute(c, rebuild);
                stage.part("indexes rebuilt, foreign keys checked");
                return result;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("bulk load of " + tables + " failed", e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
    }

    /**
     * Runs a bulk write that, on PostgreSQL, gives the table's rows their ids from the one it is handed
     * (see {@link JdbcBenchData#lockForIds}) and moves the identity past them; elsewhere (null) the
     * column's default assigns them. Returns the rows written.
     */
    private long withOwnIds(String table, java.util.function.Function<Long, Long> write) {
        if (!data.isPostgres()) {
            return write.apply(null);
        }
        long firstId = data.lockForIds(table);
        long written = write.apply(firstId);
        data.idsUsedUpTo(table, firstId + Math.max(written, 1) - 1);
        return written;
    }

    /** A team generated earlier (its manager and members), to measure again without generating. */
    public Generated existing(TeamId team) {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        List<CurrentUser> users = accounts.members(team).stream()
                .sorted(java.util.Comparator.comparing((dev.rapport.teams.Member m) -> m.role() != Role.MANAGER)
                        .thenComparingLong(m -> m.userId().value()))
                .map(m -> new CurrentUser(m.userId(), team, m.role(), zone, m.email(), m.displayName())).toList();
        if (users.isEmpty() || users.get(0).role() != Role.MANAGER) {
            throw new IllegalArgumentException("team " + team.value() + " has no manager: not a generated team");
        }
        return new Generated(team, zone, dashboard.today(team), users.get(0), users, 0, 0, 0, 0, 0);
    }

    private List<CurrentUser> users(TeamId team, String tag, int count, ZoneId zone, Instant now) {
        String managerEmail = "manager-" + tag + "@bench.local";
        UserId manager = accounts.createUser(team, managerEmail, "Bench manager", PASSWORD, Role.MANAGER);
        // one Argon2 hash for every member: hashing 500 passwords would take longer than the data
        String hash = data.passwordHash(manager);
        try (JdbcBulkWriter w = new JdbcBulkWriter(dataSource, "app_user",
                List.of("email", "display_name", "password_hash", "created_at"))) {
            for (int i = 1; i < count; i++) {
                w.row(email(i, tag), String.format(Locale.ROOT, "Member %03d", i), hash, now);
            }
        }
        List<UserId> members = data.userIds("member-%-" + tag + "@bench.local");
        try (JdbcBulkWriter w = new JdbcBulkWriter(dataSource, "membership",
                List.of("team_id", "user_id", "role", "created_at"))) {
            for (UserId m : members) {
                w.row(team.value(), m.value(), Role.MEMBER.code(), now);
            }
        }
        List<CurrentUser> users = new ArrayList<>();
        users.add(new CurrentUser(manager, team, Role.MANAGER, zone, managerEmail, "Bench manager"));
        for (int i = 0; i < members.size(); i++) {
            users.add(new CurrentUser(members.get(i), team, Role.MEMBER, zone, email(i + 1, tag),
                    String.format(Locale.ROOT, "Member %03d", i + 1)));
        }
        return users;
    }

    private static String email(int i, String tag) {
        return String.format(Locale.ROOT, "member-%03d-%s@bench.local", i, tag);
    }

    /** Everything the row generators share. */
    private record World(Spec spec, TeamId team, List<CurrentUser> users, ZoneId zone, LocalDate today, Instant now,
                         ChannelWeights weights) {
        UserId owner(int client) {
            return users.get(client % users.size()).userId();
        }

        double touchesPerClient() {
            return (double) spec.touches() / spec.clients();
        }
    }

    /** One generated client; its touches come from forEachTouch, always the same for the same seed. */
    private record GenClient(int index, UserId owner, String tier, String kind, Integer idealDays, Integer maxDays,
                             LocalDate signedOn, Instant createdAt, int touches, long touchSeed) {
    }

    private static GenClient client(World w, int i) {
        SplittableRandom r = new SplittableRandom(w.spec().seed() * 1_000_003L + i);
        double t = r.nextDouble();
        String tier = t < 0.15 ? "A" : t < 0.5 ? "B" : "C";
        String kind = r.nextInt(10) == 0 ? "internal" : "external";
        boolean override = r.nextInt(20) == 0;
        int ageDays = 7 + r.nextInt(4 * 365);
        Instant created = w.today().minusDays(ageDays).atTime(9, 0).atZone(w.zone()).toInstant()
                .plus(Duration.ofMinutes(r.nextInt(8 * 60)));
        LocalDate signed = null;
        if (r.nextBoolean()) {
            signed = w.today().minusDays(ageDays).plusDays(r.nextInt(Math.min(ageDays, 120)));
        }
        int touches = (int) Math.round(w.touchesPerClient() * (0.25 + 1.5 * r.nextDouble()));
        return new GenClient(i, w.owner(i), tier, kind, override ? 10 : null, override ? 20 : null, signed, created,
                touches, r.nextLong());
    }

    /** A client's touches, from its creation to now, in no particular order. */
    private static void forEachTouch(World w, GenClient c, Consumer<Touch> sink) {
        SplittableRandom r = new SplittableRandom(c.touchSeed());
        long span = Math.max(1, Duration.between(c.createdAt(), w.now()).toMinutes());
        for (int k = 0; k < c.touches(); k++) {
            Instant at = c.createdAt().plus(Duration.ofMinutes((long) (r.nextDouble() * span)));
            UserId user = r.nextInt(10) == 0 ? w.users().get(r.nextInt(w.users().size())).userId() : c.owner();
            Channel channel = CHANNELS[r.nextInt(CHANNELS.length)];
            boolean inbound = r.nextInt(10) < 3;
            boolean request = inbound && r.nextInt(10) == 0;
            boolean automated = !inbound && channel == Channel.EMAIL && r.nextInt(10) == 0;
            // calls, video and meetings take time and are logged with it (as in the demo data); the rest not
            Integer minutes = channel.defaultWeight() >= Channel.RICH_WEIGHT ? 5 + r.nextInt(55) : null;
            sink.accept(new Touch(0, null, user, at, channel, inbound ? Direction.INBOUND : Direction.OUTBOUND,
                    minutes, null, null, request, automated, at));
        }
    }

    /**
     * Writes the touches of a generated team again, the same rows from the same seed, into a scratch
     * table with no index, constraint or rollup, and times it: raw COPY speed on PostgreSQL (batched
     * inserts elsewhere), including the row generation and encoding the real load also pays. With
     * {@code csv}, as CSV (the common format, the baseline), else as the load writes them.
     */
    public RawCopy rawTouchCopy(Generated g, Spec spec, Progress progress, boolean csv) {
        World world = new World(spec, g.team(), g.users(), g.zone(), g.today(), clock.instant(),
                clients.channelWeights(g.team()));
        List<Long> clientIds = data.clientIds(g.team());
        data.createScratchTouchTable(SCRATCH_TOUCH);
        try {
            long start = System.nanoTime();
            long rows = writeTouches(world, clientIds, SCRATCH_TOUCH, progress, null, null, csv);
            return new RawCopy(rows, (System.nanoTime() - start) / 1e9);
        } finally {
            data.dropTable(SCRATCH_TOUCH);
        }
    }

    private void writeClients(World w, Progress progress) {
        try (JdbcBulkWriter out = new JdbcBulkWriter(dataSource, "client", List.of("team_id", "owner_id", "name",
                "name_lower", "tier", "status", "kind", "signed_on", "ideal_days", "max_days", "created_at",
                "updated_at", "last_touch_at", "last_rich_at", "last_outbound_at", "last_update_request_at"))) {
            for (int i = 0; i < w.spec().clients(); i++) {
                progress.at("clients", i + 1L, w.spec().clients());
                GenClient c = client(w, i);
                Rollups[] rollups = {Rollups.NONE};
                forEachTouch(w, c, t -> rollups[0] = rollups[0].with(t, w.weights()));
                Rollups r = rollups[0];
                String name = String.format(Locale.ROOT, "Client %06d", i);
                out.row(w.team().value(), c.owner().value(), name, name.toLowerCase(Locale.ROOT), c.tier(), "active",
                        c.kind(), c.signedOn(), c.idealDays(), c.maxDays(), c.createdAt(), c.createdAt(),
                        r.lastTouchAt(), r.lastRichAt(), r.lastOutboundAt(), r.lastUpdateRequestAt());
            }
        }
    }

    /**
     * Writes every client's touches; unless {@code folds} is null, counts them by day for the dashboard
     * and keeps the timed ones for the day totals.
     * Clients come in id order and each one's touches newest first: the order of the timeline index
     * (client_id, at DESC, id DESC), which PostgreSQL then builds from nearly sorted rows. With
     * {@code firstId}, the rows carry ids from there on instead of the column's default. With
     * {@code csv}, COPY as CSV whatever the columns.
     */
    private long writeTouches(World w, List<Long> clientIds, String table, Progress progress, TouchFolds folds,
                              Long firstId, boolean csv) {
        List<Touch> clientTouches = new ArrayList<>();
        List<String> columns = new ArrayList<>(List.of("team_id", "client_id", "user_id", "at", "channel",
                "direction", "minutes", "update_request", "automated", "created_at"));
        if (firstId != null) {
            columns.add(0, "id");
        }
        long nextId = firstId == null ? 0 : firstId;
        int from = firstId == null ? 0 : 1; // where the touch's own values start in a row
        Object[] row = new Object[columns.size()]; // reused: the writer encodes each row as it takes it
        try (JdbcBulkWriter out = csv ? JdbcBulkWriter.csv(dataSource, table, columns)
                : new JdbcBulkWriter(dataSource, table, columns)) {
            for (int i = 0; i < clientIds.size(); i++) {
                progress.at(table.equals("touch") ? "touches" : "raw copy", i + 1L, clientIds.size());
                long id = clientIds.get(i);
                GenClient c = client(w, i);
                ClientKind kind = ClientKind.fromCode(c.kind()).orElseThrow();
                ClientId clientId = new ClientId(id);
                clientTouches.clear();
                forEachTouch(w, c, clientTouches::add);
                clientTouches.sort(NEWEST_FIRST);
                for (Touch t : clientTouches) {
                    if (firstId != null) {
                        row[0] = nextId++;
                    }
                    out.row(touchValues(row, from, w.team().value(), id, t));
                    if (folds != null) {
                        folds.days().add(clientId, t, kind);
                        folds.timed().add(t);
                    }
                }
            }
            return out.rows();
        }
    }

    /** What a bulk load folds from the touches as it writes them: the dashboard's counts and the timed ones. */
    private record TouchFolds(TouchDays days, TimedTouchSpans timed) {
    }

    /** The touch's columns (team_id ... created_at) into {@code row} from index {@code from}. */
    private static Object[] touchValues(Object[] row, int from, long team, long client, Touch t) {
        Object[] values = {team, client, t.userId().value(), t.at(), t.channel().code(), t.direction().code(),
            t.minutes(), t.updateRequest(), t.automated(), t.createdAt()};
        System.arraycopy(values, 0, row, from, values.length);
        return row;
    }

    /**
     * Working days back from yesterday, ENTRIES_PER_DAY timed entries each, then the journal_day rows of
     * every day with entries or timed touches, tallied as the 24-hour report tallies them (one COPY at a
     * time: a connection runs one COPY, and both are in one transaction). With {@code firstId}, the
     * entries carry ids from there on (as the touches do).
     */
    private long writeJournal(World w, TimedTouchSpans timed, Progress progress, Long firstId) {
        long written;
        List<String> columns = new ArrayList<>(List.of("team_id", "user_id", "category", "start_at", "end_at",
                "local_day", "minutes", "contributes", "created_at", "updated_at"));
        if (firstId != null) {
            columns.add(0, "id");
        }
        long[] nextId = {firstId == null ? 0 : firstId};
        try (JdbcBulkWriter entries = new JdbcBulkWriter(dataSource, "journal_entry", columns)) {
            int users = w.users().size();
            for (int u = 0; u < users; u++) {
                progress.at("journal", u + 1L, users);
                UserId user = w.users().get(u).userId();
                journalDays(w, u).forEach((day, dayEntries) -> {
                    for (JournalEntry e : dayEntries) {
                        Object[] values = {w.team().value(), user.value(), e.category(), e.span().start(),
                            e.span().end(), day, e.minutes(), e.contributes(), e.span().start(), e.span().start()};
                        entries.row(firstId == null ? values : withId(nextId[0]++, values));
                    }
                });
            }
            written = entries.rows();
        }
        Map<String, CategoryClass> classes = new HashMap<>();
        Category.defaults().forEach(c -> classes.put(c.code(), c.categoryClass()));
        try (JdbcBulkWriter days = new JdbcBulkWriter(dataSource, "journal_day", List.of("team_id", "user_id",
                "local_day", "category", "category_class", "seconds", "contributes_seconds"))) {
            int users = w.users().size();
            for (int u = 0; u < users; u++) {
                progress.at("journal days", u + 1L, users);
                writeDayTotals(days, w, u, timed, classes);
            }
        }
        return written;
    }

    private static Object[] withId(long id, Object[] values) {
        Object[] row = new Object[values.length + 1];
        row[0] = id;
        System.arraycopy(values, 0, row, 1, values.length);
        return row;
    }

    /** The u-th user's journal_day rows: every day with generated entries or timed touches. */
    private static void writeDayTotals(JdbcBulkWriter out, World w, int u, TimedTouchSpans timed,
                                       Map<String, CategoryClass> classes) {
        UserId user = w.users().get(u).userId();
        Map<LocalDate, List<JournalEntry>> entriesByDay = journalDays(w, u);
        SortedSet<LocalDate> dates = timed.days(user, w.zone());
        dates.addAll(entriesByDay.keySet());
        for (LocalDate day : dates) {
            DayTally tally = DayTally.of(day, w.zone(), entriesByDay.getOrDefault(day, List.of()),
                    timed.overlapping(user, DayTally.window(day, w.zone())));
            for (var e : tally.seconds().entrySet()) {
                CategoryClass cls = classes.getOrDefault(e.getKey(), CategoryClass.INTERNAL);
                out.row(w.team().value(), user.value(), day, e.getKey(), cls.code(), e.getValue(),
                        tally.contributes().getOrDefault(e.getKey(), 0L));
            }
        }
    }

    /** The working days of the u-th user, newest first, with their generated entries. */
    private static Map<LocalDate, List<JournalEntry>> journalDays(World w, int u) {
        int users = w.users().size();
        UserId user = w.users().get(u).userId();
        Map<LocalDate, List<JournalEntry>> days = new LinkedHashMap<>();
        SplittableRandom r = new SplittableRandom(w.spec().seed() * 7_919L + u);
        long left = w.spec().journalEntries() / users + (u < w.spec().journalEntries() % users ? 1 : 0);
        for (LocalDate day = w.today().minusDays(1); left > 0; day = day.minusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            int n = (int) Math.min(ENTRIES_PER_DAY, left);
            left -= n;
            List<JournalEntry> dayEntries = new ArrayList<>();
            LocalDateTime t = day.atTime(8, r.nextInt(30));
            int first = r.nextInt(DAY_PLAN.length);
            for (int k = 0; k < n; k++) {
                String category = DAY_PLAN[(first + k) % DAY_PLAN.length];
                LocalDateTime end = t.plusMinutes(20 + r.nextInt(40));
                TimeSpan span = new TimeSpan(t.atZone(w.zone()).toInstant(), end.atZone(w.zone()).toInstant());
                dayEntries.add(new JournalEntry(0, user, category, span, day, (int) (span.seconds() / 60), null,
                        null, List.of(), category.equals(Category.CLIENT_INTERACTION), null));
                t = end.plusMinutes(r.nextInt(10));
            }
            days.put(day, dayEntries);
        }
        return days;
    }

    /** Promises on the user's own clients over the last year: due ones kept (3 in 4) or broken, the rest open. */
    private long writePromises(World w, List<Long> clientIds) {
        try (JdbcBulkWriter out = new JdbcBulkWriter(dataSource, "promise", List.of("team_id", "client_id", "user_id",
                "text", "made_on", "due_on", "original_due_on", "status", "renegotiations", "closed_at",
                "created_at", "for_colleague"))) {
            int users = w.users().size();
            int perUser = clientIds.size() / users;
            for (int u = 0; u < users; u++) {
                SplittableRandom r = new SplittableRandom(w.spec().seed() * 104_729L + u);
                for (int k = 0; k < w.spec().promisesPerUser(); k++) {
                    long client = clientIds.get(u + users * r.nextInt(perUser));
                    LocalDate made = w.today().minusDays(r.nextInt(365));
                    LocalDate due = made.plusDays(r.nextInt(30));
                    boolean closed = due.isBefore(w.today());
                    String status = !closed ? "open" : r.nextInt(4) == 0 ? "broken" : "kept";
                    Instant madeAt = made.atTime(10, 0).atZone(w.zone()).toInstant();
                    out.row(w.team().value(), client, w.users().get(u).userId().value(), "Bench promise " + k, made,
                            due, due, status, 0, closed ? due.atTime(17, 0).atZone(w.zone()).toInstant() : null,
                            madeAt, false);
                }
            }
            return out.rows();
        }
    }

    /** Per user: two plans on their own clients and a listing on one; a fifth of them declare capacity. */
    private int plansAndListings(World w, List<Long> clientIds) {
        int users = w.users().size();
        int done = 0;
        for (int u = 0; u < users; u++) {
            CurrentUser user = w.users().get(u);
            ClientId first = new ClientId(clientIds.get(u));
            ClientId second = new ClientId(clientIds.get(u + users < clientIds.size() ? u + users : u));
            plans.create(user, first, "Key account", List.of("renew"), List.of(
                    new PlanService.ActivityDraft("monthly call", "monthly", 30, "phone"),
                    new PlanService.ActivityDraft("quarterly review", "quarterly", 120, "face_to_face")), null);
            plans.create(user, second, "Growth", List.of(), List.of(
                    new PlanService.ActivityDraft("weekly email", "weekly", 10, "email")), null);
            if (u % 5 == 0) {
                plans.declareCapacity(user, 20.0);
            }
            Deal deal = deals.create(user, first, "Listing " + u, null, null);
            deals.complete(user, deal.id(), "listed");
            done += 3;
        }
        return done;
    }

    /** Prints how long each stage took, and under it how long its parts took. */
    private static final class Stage {
        private final PrintWriter log;
        private final List<String> parts = new ArrayList<>();
        private long start = System.nanoTime();
        private long partStart = start;

        Stage(PrintWriter log) {
            this.log = log;
        }

        /** Notes how long a part of the current stage took; printed under the stage's own line. */
        void part(String what) {
            long end = System.nanoTime();
            parts.add(String.format(Locale.ROOT, "    %-56s %7.1f s%n", what, (end - partStart) / 1e9));
            partStart = end;
        }

        /** Prints the stage and returns its seconds. */
        double done(String what, Object... args) {
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            log.printf(Locale.ROOT, "  %-58s %7.1f s%n", String.format(Locale.ROOT, what, args), seconds);
            parts.forEach(log::print);
            parts.clear();
            log.flush();
            start = end;
            partStart = end;
            return seconds;
        }
    }
}
