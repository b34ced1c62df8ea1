package dev.rapport.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.rapport.bench.HttpLoad;
import dev.rapport.bench.OverloadDrill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "overload", description = "Overload drill: start the server from this jar as a child process "
        + "(--demo, per-token rate limit off), measure the rate it sustains (queue reads and touch writes, closed "
        + "loop), send twice that on a fixed schedule, then check the server is alive and ready, every answer was "
        + "2xx or 429/503 with Retry-After, and (server stopped) every acknowledged write is in the database and "
        + "no refused one. Exits 1 if not. H2: a new database in a temporary directory. PostgreSQL: give a "
        + "scratch database with --db-url.")
class OverloadBenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ChildServerOptions server;

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

    OverloadBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        int writePercent = BenchLoadCommand.percent(writes);
        if (rate < 0 || warmupSeconds < 0 || !(probeSeconds > 0) || probeConcurrency < 1 || !(factor >= 1) || !(seconds > 0)
                || seconds > HttpLoad.MAX_DURATION.toSeconds() || concurrency < 1
                || concurrency > HttpLoad.MAX_CONCURRENCY || clients < 1
                || (maxInFlight != null && maxInFlight < 0)) {
            throw new CliException("--rate and --warmup-seconds must be 0 or more, --probe-seconds more than 0, --factor at least 1, "
                    + "--seconds above 0 and at most " + HttpLoad.MAX_DURATION.toSeconds() + ", --concurrency 1 to "
                    + HttpLoad.MAX_CONCURRENCY + ", --probe-concurrency and --clients at least 1");
        }
        Duration startTimeout = server.startTimeout();
        try (ChildServerOptions.Run run = server.start("rapport-overload-drill")) {
            OverloadDrill drill = new OverloadDrill(new OverloadDrill.Options(rate, warmupSeconds, probeSeconds,
                    probeConcurrency, factor, seconds, concurrency, writePercent, clients, maxInFlight, maxWait, seed,
                    startTimeout), run.target(), ctx.out());
            run.onStop(drill::stop);
            ctx.out().printf(Locale.ROOT, "Overload drill on %s: %.0fx the sustainable rate for %.0f s, %d%% writes, "
                    + "seed %d, jar %s%n", server.kind, factor, seconds, writePercent, seed, run.server());
            ctx.out().flush();
            OverloadDrill.Result result = drill.run();
            if (!result.passed()) {
                ctx.err().println("Overload drill FAILED: " + String.join("; ", result.problems()));
                return 1;
            }
            ctx.out().println("Overload drill PASSED");
            return 0;
        }
    }
}
