package dev.rapport.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import dev.rapport.bench.CrashDrill;
import dev.rapport.bench.HttpLoad;
import dev.rapport.bench.OverloadDrill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "overload", description = "Overload drill: start the server from this jar as a child process "
        + "(--demo, per-token rate limit off), measure the rate it sustains (queue reads and touch writes, closed "
        + "loop), send twice that on a fixed schedule, then check the server is alive and ready, every answer was "
        + "2xx or 429/503 with Retry-After, and (server stopped) every acknowledged write is in the database and "
        + "no refused one. Exits 1 if not. H2: a new database in a temporary directory. PostgreSQL: give a "
        + "scratch database with --db-url.")
class OverloadBenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--db", required = true, description = "h2 or postgres")
    String kind;

    @Option(names = "--db-url", description = "JDBC URL (required for postgres; h2 default: a temporary file database)")
    String dbUrl;

    @Option(names = "--db-user", description = "database user")
    String dbUser;

    @Option(names = "--db-password", description = "database password")
    String dbPassword;

    @Option(names = "--rate", defaultValue = "0", description = "the sustainable rate in req/s; 0: measure it (0)")
    double rate;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "unmeasured load first, so the JIT "
            + "has compiled the hot paths (10)")
    double warmupSeconds;

    @Option(names = "--probe-seconds", defaultValue = "10", description = "measuring the sustainable rate (10)")
    double probeSeconds;

    @Option(names = "--probe-concurrency", defaultValue = "8", description = "connections while measuring (8)")
    int probeConcurrency;

    @Option(names = "--factor", defaultValue = "2", description = "overload = factor x sustainable rate (2)")
    double factor;

    @Option(names = "--seconds", defaultValue = "30", description = "overload time, at most 600 (30)")
    double seconds;

    @Option(names = "--concurrency", defaultValue = "96", description = "connections during the overload; more "
            + "than the server's max in flight, or the server is never asked for more than it admits (96)")
    int concurrency;

    @Option(names = "--writes", defaultValue = "10", description = "percent of requests that record a touch (10)")
    String writes;

    @Option(names = "--clients", defaultValue = "20", description = "clients the touches go to (20)")
    int clients;

    @Option(names = "--max-in-flight", description = "the server's RAPPORT_MAX_IN_FLIGHT (default: its own, 32)")
    Integer maxInFlight;

    @Option(names = "--max-wait", description = "the server's RAPPORT_MAX_WAIT, e.g. 200ms (default: its own)")
    String maxWait;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (1)")
    long seed;

    @Option(names = "--start-timeout", defaultValue = "180", description = "seconds the server may take to start (180)")
    int startTimeout;

    @Option(names = "--jar", description = "the jar to start (default: the one this command runs from)")
    Path jar;

    OverloadBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        int writePercent = BenchLoadCommand.percent(writes);
        if (rate < 0 || warmupSeconds < 0 || !(probeSeconds > 0) || probeConcurrency < 1 || !(factor >= 1) || !(seconds > 0)
                || seconds > HttpLoad.MAX_DURATION.toSeconds() || concurrency < 1
                || concurrency > HttpLoad.MAX_CONCURRENCY || clients < 1 || startTimeout < 1
                || (maxInFlight != null && maxInFlight < 0)) {
            throw new CliException("--rate and --warmup-seconds must be 0 or more, --probe-seconds more than 0, --factor at least 1, "
                    + "--seconds above 0 and at most " + HttpLoad.MAX_DURATION.toSeconds() + ", --concurrency 1 to "
                    + HttpLoad.MAX_CONCURRENCY + ", --probe-concurrency, --clients and --start-timeout at least 1");
        }
        Path server = jar != null ? jar.toAbsolutePath() : CrashBenchCommand.runningJar();
        if (!Files.isRegularFile(server)) {
            throw new CliException("no jar at " + server);
        }
        LoggingSystem logging = LoggingSystem.get(OverloadBenchCommand.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel("org.flywaydb", LogLevel.ERROR);
        Path dir = Files.createTempDirectory("rapport-overload-drill");
        String url;
        try {
            url = CrashBenchCommand.databaseUrl(kind, dbUrl, dir);
        } catch (CliException e) {
            CrashBenchCommand.delete(dir);
            throw e;
        }
        OverloadDrill drill = new OverloadDrill(new OverloadDrill.Options(rate, warmupSeconds, probeSeconds,
                probeConcurrency, factor, seconds, concurrency, writePercent, clients, maxInFlight, maxWait, seed,
                Duration.ofSeconds(startTimeout)), new CrashDrill.Target(server, url, dbUser, dbPassword, dir),
                ctx.out());
        Thread cleanup = new Thread(() -> {
            drill.stop();
            CrashBenchCommand.delete(dir);
        }, "overload-drill-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            ctx.out().printf(Locale.ROOT, "Overload drill on %s: %.0fx the sustainable rate for %.0f s, %d%% writes, "
                    + "seed %d, jar %s%n", kind, factor, seconds, writePercent, seed, server);
            ctx.out().flush();
            OverloadDrill.Result result = drill.run();
            if (!result.passed()) {
                ctx.err().println("Overload drill FAILED: " + String.join("; ", result.problems()));
                return 1;
            }
            ctx.out().println("Overload drill PASSED");
            return 0;
        } finally {
            drill.stop();
            CrashBenchCommand.delete(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // already shutting down: the hook does the same
            }
        }
    }
}
