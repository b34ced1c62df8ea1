package dev.rapport.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crash durability drill: rounds of "start the packaged server as a child process, write over
 * HTTP from several threads as fast as it answers, kill -9 it at a seeded random moment, check the
 * database". A write counts as acknowledged when the server answered 2xx with its id; every
 * acknowledged id must survive the kill. The server runs with --demo: the drill writes as the demo
 * owner (a token from the sign-in API) into the demo team, whose seeded rows are checked too.
 */
public final class CrashDrill {
    /** How a process killed by SIGKILL exits (128 + 9). */
    static final int SIGKILL_EXIT = 137;
    private static final String[] CHANNELS = {"email", "phone", "video", "text", "face_to_face", "chat"};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One drill: rounds, their length, writer threads, clients to spread the touches over, and the seed. */
    public record Options(int rounds, double secondsPerRound, int threads, int clients, long seed,
                          Duration startTimeout) {
    }

    /** Where the server runs from, on which database, and the directory for its logs. */
    public record Target(Path jar, String dbUrl, String dbUser, String dbPassword, Path workDir) {
    }

    public record Round(int number, int acknowledged, int lost, boolean corrupt, double killedAfterSeconds,
                        int exitCode, double startSeconds, List<String> problems) {
    }

    public record Result(List<Round> rounds) {
        public int acknowledged() {
            return rounds.stream().mapToInt(Round::acknowledged).sum();
        }

        public int lost() {
            return rounds.stream().mapToInt(Round::lost).sum();
        }

        public boolean corrupt() {
            return rounds.stream().anyMatch(Round::corrupt);
        }

        public boolean passed() {
            return lost() == 0 && !corrupt() && !rounds.isEmpty();
        }
    }

    private final Options options;
    private final Target target;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Long> clients = new ArrayList<>();
    private long team = -1;
    private String token;
    /** The demo owner's today (the server's clock and their zone): journal entries go to the 60 days before. */
    private LocalDate today;
    private final Queue<Long> clientIds = new ConcurrentLinkedQueue<>();
    private final Queue<Long> touchIds = new ConcurrentLinkedQueue<>();
    private final Queue<Long> journalIds = new ConcurrentLinkedQueue<>();
    /** The first non-2xx answer of a round, to say why. */
    private final AtomicReference<String> firstRefusal = new AtomicReference<>();
    /** The running server, killed on the way out whatever happens. */
    private volatile Process current;

    public CrashDrill(Options options, Target target, PrintWriter out) {
        this.options = options;
        this.target = target;
        this.out = out;
    }

    /** Runs every round, then starts the server once more to prove it still starts. */
    public Result run() throws IOException, InterruptedException {
        try {
            return runRounds();
        } finally {
            stop();
        }
    }

    /** Kills the server this drill started, if one is running (also from a shutdown hook). */
    public void stop() {
        Process p = current;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Result runRounds() throws IOException, InterruptedException {
        Random random = new Random(options.seed());
        List<Round> rounds = new ArrayList<>();
        out.printf(Locale.ROOT, "%-6s %9s %8s %6s %8s %9s %6s%n", "round", "acked", "lost", "corrupt", "kill-s",
                "start-s", "exit");
        for (int n = 1; n <= options.rounds(); n++) {
            Round r = round(n, random);
            rounds.add(r);
            out.printf(Locale.ROOT, "%-6d %9d %8d %6d %8.2f %9.1f %6d%n", r.number(), r.acknowledged(), r.lost(),
                    r.corrupt() ? 1 : 0, r.killedAfterSeconds(), r.startSeconds(), r.exitCode());
            r.problems().forEach(p -> out.println("       " + p));
            out.flush();
            if (r.startSeconds() < 0) {
                break;
            }
        }
        // the last kill must not have left a database the server refuses
        ChildServer.Started last = start("final");
        boolean started = last.url() != null;
        if (started) {
            last.process().destroy();
            last.process().waitFor(30, TimeUnit.SECONDS);
        } else {
            last.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            rounds.add(new Round(rounds.size() + 1, 0, 0, true, 0, -1, -1,
                    List.of("the server did not start after the last kill: " + tail(last.log()))));
        }
        Result result = new Result(rounds);
        out.printf(Locale.ROOT, "total: rounds %d, writes acknowledged %d, writes lost %d, corrupt=%d%s%n",
                options.rounds(), result.acknowledged(), result.lost(), result.corrupt() ? 1 : 0,
                started ? ", restart after the last kill OK" : "");
        out.flush();
        return result;
    }

    private Round round(int n, Random random) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        ChildServer.Started server = start("round-" + n);
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        if (server.url() == null) {
            server.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            return new Round(n, 0, 0, true, 0, -1, -1, List.of("the server did not start: " + tail(server.log())));
        }
        if (token == null) {
            signIn(server.url());
        }
        int before = clientIds.size() + touchIds.size() + journalIds.size();
        if (clients.isEmpty()) {
            for (int i = 1; i <= options.clients(); i++) {
                long id = post(server.url(), "/api/v1/clients", "{\"name\":\"Crash client " + i + "\",\"tier\":\"A\"}");
                if (id < 0) {
                    throw new IllegalStateException("cannot create the drill's clients: see " + server.log());
                }
                clients.add(id);
                clientIds.add(id);
            }
        }
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failedBeforeKill = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < options.threads(); w++) {
            Random own = new Random(options.seed() * 1_000_003L + n * 101L + w);
            Thread t = new Thread(() -> write(server.url(), own, killed, refused, failedBeforeKill),
                    "crash-writer-" + w);
            t.setDaemon(true);
            writers.add(t);
        }
        long killAfterMillis = Math.round(options.secondsPerRound() * 1000 * (0.3 + 0.7 * random.nextDouble()));
        writers.forEach(Thread::start);
        // a freshly started server on a busy machine can take seconds for its first answer: the round's
        // clock starts with the first acknowledged write, so every round kills a server that is writing
        long waitUntil = System.nanoTime() + options.startTimeout().toNanos();
        while (clientIds.size() + touchIds.size() + journalIds.size() == before && System.nanoTime() < waitUntil
                && server.process().isAlive()) {
            Thread.sleep(10);
        }
        long started = System.nanoTime();
        Thread.sleep(killAfterMillis);
        // writers stop sending new requests; the ones in flight meet the kill
        killed.set(true);
        // Process.destroyForcibly is SIGKILL on Linux and macOS: no shutdown hook, no flush, no close
        server.process().destroyForcibly();
        double killedAfter = (System.nanoTime() - started) / 1e9;
        boolean ended = server.process().waitFor(30, TimeUnit.SECONDS);
        for (Thread t : writers) {
            t.join(15_000);
        }
        int exit = ended ? server.process().exitValue() : -1;
        int acknowledged = clientIds.size() + touchIds.size() + journalIds.size() - before;
        CrashChecks.Report report = CrashChecks.check(target.dbUrl(), target.dbUser(), target.dbPassword(),
                team, new CrashChecks.Acknowledged(List.copyOf(clientIds), List.copyOf(touchIds),
                        List.copyOf(journalIds)));
        List<String> problems = new ArrayList<>(report.problems());
        if (exit != SIGKILL_EXIT) {
            problems.add("the server exited with " + exit + ", not " + SIGKILL_EXIT + " (SIGKILL)");
        }
        if (acknowledged == 0) {
            problems.add("no write was acknowledged this round (" + refused.get() + " refused)");
        }
        if (failedBeforeKill.get() > 0 || refused.get() > 0) {
            out.printf(Locale.ROOT, "       %d requests failed before the kill, %d answered non-2xx%s%n",
                    failedBeforeKill.get(), refused.get(), firstRefusal.get() == null ? ""
                            : " (first: " + firstRefusal.get() + ")");
        }
        firstRefusal.set(null);
        return new Round(n, acknowledged, report.lost(), !problems.isEmpty(), killedAfter, exit, startSeconds,
                problems);
    }

    /** One writer: touches and journal entries until the server is gone. */
    private void write(String url, Random random, AtomicBoolean killed, AtomicInteger refused,
                       AtomicInteger failedBeforeKill) {
        while (!killed.get()) {
            try {
                if (random.nextInt(10) < 7) {
                    long client = clients.get(random.nextInt(clients.size()));
                    boolean inbound = random.nextInt(3) == 0;
                    long id = post(url, "/api/v1/clients/" + client + "/touches", String.format(Locale.ROOT,
                            "{\"channel\":\"%s\",\"direction\":\"%s\",\"updateRequest\":%b,\"note\":\"drill\"}",
                            CHANNELS[random.nextInt(CHANNELS.length)], inbound ? "inbound" : "outbound",
                            inbound && random.nextBoolean()));
                    record(id, touchIds, refused);
                } else {
                    long id = post(url, "/api/v1/journal/entries", String.format(Locale.ROOT,
                            "{\"day\":\"%s\",\"minutes\":%d,\"category\":\"email\"}",
                            today.minusDays(random.nextInt(60)), 1 + random.nextInt(10)));
                    record(id, journalIds, refused);
                }
            } catch (IOException e) {
                // the server is being killed: this write was never acknowledged
                if (!killed.get()) {
                    failedBeforeKill.incrementAndGet();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void record(long id, Queue<Long> ids, AtomicInteger refused) {
        if (id >= 0) {
            ids.add(id);
        } else {
            refused.incrementAndGet();
        }
    }

    /** POSTs JSON; the new row's id when the answer is 2xx with one, else -1. */
    private long post(String base, String path, String body) throws IOException, InterruptedException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(new URI(base + path)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            firstRefusal.compareAndSet(null, "POST " + path + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
            return -1;
        }
        JsonNode id = JSON.readTree(response.body()).get("id");
        return id != null && id.canConvertToLong() ? id.asLong() : -1;
    }

    /** A read-write token of the demo owner, and their team. */
    private void signIn(String base) throws IOException, InterruptedException {
        ChildServer.Session session = ChildServer.signIn(http, base, "crash drill");
        token = session.token();
        team = session.team();
        today = session.today();
    }

    /** Starts `java -jar` on the drill's database; url is null when it did not come up in time. */
    private ChildServer.Started start(String name) throws IOException, InterruptedException {
        // a durability drill writes as fast as it can: the per-token rate limit would only slow it down
        // C1 only: the drill starts many servers and each must start fast; peak speed does not matter
        return ChildServer.start(target, name, options.startTimeout(), List.of("-XX:TieredStopAtLevel=1"),
                Map.of("RAPPORT_RATE_LIMIT_ENABLED", "false"), p -> current = p);
    }

    private static String tail(Path log) {
        return ChildServer.tail(log);
    }
}
