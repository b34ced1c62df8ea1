package dev.rapport.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * The overload drill: start the packaged server as a child process (as the crash drill does, with
 * --demo and the per-token rate limit off, so the server's own limits are what is tested), measure
 * what it sustains (a closed loop of queue reads and touch writes), then send twice that on a fixed
 * schedule for a while. The server passes when it is still alive and ready afterwards and answers
 * normally again, every request had an answer that was 2xx or 429/503 with a Retry-After (no 500,
 * no reset connection, no timeout), and, with the server stopped, every acknowledged touch is in the
 * database, no refused one is, and the rollups are consistent.
 */
public final class OverloadDrill {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NOTE = "load";

    /**
     * rate: the sustainable rate to take (req/s), or 0 to measure it for probeSeconds with
     * probeConcurrency connections (after warmupSeconds of the same, unmeasured: the JIT compiles
     * the hot paths first, as on a server that has been running); then factor times it for seconds with concurrency connections;
     * writePercent of the requests record touches on clients new clients; maxInFlight and maxWait
     * set the server's concurrency limit (null: its defaults).
     */
    public record Options(double rate, double warmupSeconds, double probeSeconds, int probeConcurrency, double factor, double seconds,
                          int concurrency, int writePercent, int clients, Integer maxInFlight, String maxWait,
                          long seed, Duration startTimeout) {
    }

    /** What the drill found; problems empty means it passed. */
    public record Result(double sustainableRate, HttpLoad.Result overload, int acknowledged, int lost,
                         long unacknowledgedWritten, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private final Options options;
    private final CrashDrill.Target target;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process current;

    public OverloadDrill(Options options, CrashDrill.Target target, PrintWriter out) {
        this.options = options;
        this.target = target;
        this.out = out;
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

    public Result run() throws IOException, InterruptedException {
        try {
            return drill();
        } finally {
            stop();
        }
    }

    private Result drill() throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RAPPORT_RATE_LIMIT_ENABLED", "false");
        if (options.maxInFlight() != null) {
            env.put("RAPPORT_MAX_IN_FLIGHT", options.maxInFlight().toString());
        }
        if (options.maxWait() != null) {
            env.put("RAPPORT_MAX_WAIT", options.maxWait());
        }
        long t0 = System.nanoTime();
        ChildServer.Started server = ChildServer.start(target, "overload", options.startTimeout(), List.of(), env,
                p -> current = p);
        if (server.url() == null) {
            throw new IllegalStateException("the server did not start: " + ChildServer.tail(server.log()));
        }
        out.printf(Locale.ROOT, "server started in %.1f s at %s (max in flight %s, max wait %s)%n",
                (System.nanoTime() - t0) / 1e9, server.url(),
                options.maxInFlight() == null ? "default" : options.maxInFlight(),
                options.maxWait() == null ? "default" : options.maxWait());
        out.flush();
        ChildServer.Session session = ChildServer.signIn(http, server.url(), "overload drill");
        List<Long> clients = new ArrayList<>();
        for (int i = 1; i <= options.clients(); i++) {
            clients.add(createClient(server.url(), session.token(), "Overload client " + i));
        }
        URI base = URI.create(server.url());

        double sustainable = options.rate();
        List<Long> acked = new ArrayList<>();
        long probeFailed = 0;
        if (options.warmupSeconds() > 0) {
            HttpLoad.Result warmup = new HttpLoad(new HttpLoad.Options(base, session.token(), HttpLoad.QUEUE_PATH,
                    seconds(options.warmupSeconds()), HttpLoad.MAX_REQUESTS, options.probeConcurrency(), 0,
                    options.writePercent(), clients, options.seed() + 2, Duration.ofSeconds(10))).run();
            acked.addAll(warmup.acknowledgedTouches());
            probeFailed += warmup.failed();
            out.printf(Locale.ROOT, "warm-up (closed loop, %d connections, %.0f s, not measured): %d answered, "
                    + "%d failed%n", options.probeConcurrency(), options.warmupSeconds(), warmup.answered(),
                    warmup.failed());
        }
        if (sustainable <= 0) {
            HttpLoad.Result probe = new HttpLoad(new HttpLoad.Options(base, session.token(), HttpLoad.QUEUE_PATH,
                    seconds(options.probeSeconds()), HttpLoad.MAX_REQUESTS, options.probeConcurrency(), 0,
                    options.writePercent(), clients, options.seed(), Duration.ofSeconds(10))).run();
            sustainable = HttpLoad.perSecond(probe.successes(), probe.seconds());
            acked.addAll(probe.acknowledgedTouches());
            probeFailed += probe.failed();
            out.printf(Locale.ROOT, "probe (closed loop, %d connections, %.0f s): %.1f req/s 2xx, p50 %.2f ms, "
                    + "p99 %.2f ms, %d answered, %d failed%n", options.probeConcurrency(), options.probeSeconds(),
                    sustainable, probe.percentileNanos(50) / 1e6, probe.percentileNanos(99) / 1e6, probe.answered(),
                    probe.failed());
            if (sustainable < 1) {
                throw new IllegalStateException("the probe got no successful answers: " + probe.firstUnexpected());
            }
        }
        double rate = Math.min(HttpLoad.MAX_RATE, sustainable * options.factor());
        out.printf(Locale.ROOT, "sustainable rate: %.1f req/s; overload at %.1fx = %.1f req/s for %.0f s, "
                + "%d connections, %d%% writes%n", sustainable, options.factor(), rate, options.seconds(),
                options.concurrency(), options.writePercent());
        out.flush();
        HttpLoad.Result overload = new HttpLoad(new HttpLoad.Options(base, session.token(), HttpLoad.QUEUE_PATH,
                seconds(options.seconds()), HttpLoad.MAX_REQUESTS, options.concurrency(), rate,
                options.writePercent(), clients, options.seed() + 1, Duration.ofSeconds(10))).run();
        HttpLoad.print(overload, out);

        List<String> problems = new ArrayList<>();
        if (!overload.onlyExpectedAnswers()) {
            problems.add("answers other than 2xx and 429/503 with Retry-After, or requests without an answer: "
                    + overload.statuses() + " " + overload.errors() + " (first: " + overload.firstUnexpected() + ")");
        }
        boolean alive = server.process().isAlive();
        int liveness = alive ? status(server.url() + "/actuator/health/liveness", null) : -1;
        int readiness = alive ? status(server.url() + "/actuator/health/readiness", null) : -1;
        int queue = alive ? status(server.url() + HttpLoad.QUEUE_PATH, session.token()) : -1;
        out.printf(Locale.ROOT, "after the overload: process alive %s, liveness %d, readiness %d, queue %d%n",
                alive ? "yes" : "no", liveness, readiness, queue);
        if (!alive) {
            problems.add("the server died: " + ChildServer.tail(server.log()));
        } else if (liveness != 200 || readiness != 200 || queue != 200) {
            problems.add("the server does not answer normally after the overload");
        }

        // stopped gracefully (SIGTERM) so the database can be opened from here (H2 admits one process)
        server.process().destroy();
        if (!server.process().waitFor(60, TimeUnit.SECONDS)) {
            problems.add("the server did not stop within 60 s of SIGTERM");
            server.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        acked.addAll(overload.acknowledgedTouches());
        CrashChecks.Report report = CrashChecks.check(target.dbUrl(), target.dbUser(), target.dbPassword(),
                session.team(), new CrashChecks.Acknowledged(clients, acked, List.of()));
        problems.addAll(report.problems());
        long written = countLoadTouches(session.team());
        long unacknowledged = written - (acked.size() - report.lost());
        // a request that failed without an answer may or may not have written; with none, the counts match
        if (unacknowledged != 0 && overload.failed() + probeFailed == 0) {
            problems.add(unacknowledged + " touches written that were never acknowledged (refused writes must "
                    + "write nothing)");
        }
        out.printf(Locale.ROOT, "writes: %d acknowledged, %d lost, %d written without an acknowledgement; "
                + "database checks %s%n", acked.size(), report.lost(), unacknowledged,
                report.problems().isEmpty() ? "passed" : "FAILED");
        problems.forEach(p -> out.println("  problem: " + p));
        out.flush();
        return new Result(sustainable, overload, acked.size(), report.lost(), unacknowledged, problems);
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    private long createClient(String base, String token, String name) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/clients"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"tier\":\"A\"}",
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("cannot create the drill's clients: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("id").asLong();
    }

    /** The status of a GET, retried for up to 10 s while it is not 200 (the server may still be draining). */
    private int status(String url, String token) throws InterruptedException {
        int status = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            try {
                status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            }
            if (status == 200) {
                return status;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }

    private long countLoadTouches(long team) {
        try (Connection c = DriverManager.getConnection(target.dbUrl(), target.dbUser(), target.dbPassword());
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM touch WHERE team_id = ? AND note = ?")) {
            ps.setLong(1, team);
            ps.setString(2, NOTE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the drill's touches: " + e.getMessage(), e);
        }
    }
}
