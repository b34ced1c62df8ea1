package dev.rapport.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.rapport.bench.CrashDrill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "crash", description = "Crash durability drill: start the server from this jar as a child process, "
        + "write over HTTP from several threads, kill -9 it at a random (seeded) moment, check that every "
        + "acknowledged write is in the database and that it is consistent; repeat. Exits 1 if anything was lost. "
        + "The server runs with --demo and the drill writes as the demo owner. H2: a new database in a temporary "
        + "directory. PostgreSQL: give a scratch database with --db-url.")
class CrashBenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ChildServerOptions server;

    @Option(names = "--rounds", defaultValue = "20", description = "kill -9 rounds (20)")
    int rounds;

    @Option(names = "--seconds-per-round", defaultValue = "4", description = "writing time per round at most; the "
            + "kill comes at a random moment in its last 70% (4)")
    double secondsPerRound;

    @Option(names = "--threads", defaultValue = "4", description = "writer threads (4)")
    int threads;

    @Option(names = "--clients", defaultValue = "20", description = "clients the touches go to (20)")
    int clients;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (1)")
    long seed;

    CrashBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (rounds < 1 || secondsPerRound <= 0 || threads < 1 || clients < 1) {
            throw new CliException("--rounds, --threads and --clients must be at least 1, --seconds-per-round more "
                    + "than 0");
        }
        Duration startTimeout = server.startTimeout();
        try (ChildServerOptions.Run run = server.start("rapport-crash-drill")) {
            CrashDrill drill = new CrashDrill(new CrashDrill.Options(rounds, secondsPerRound, threads, clients, seed,
                    startTimeout), run.target(), ctx.out());
            run.onStop(drill::stop);
            ctx.out().printf(Locale.ROOT, "Crash drill on %s: %d rounds of up to %.1f s, %d writers, seed %d, jar %s%n",
                    server.kind, rounds, secondsPerRound, threads, seed, run.server());
            ctx.out().flush();
            CrashDrill.Result result = drill.run();
            if (!result.passed()) {
                ctx.err().println("Crash drill FAILED: " + result.lost() + " acknowledged writes lost"
                        + (result.corrupt() ? ", database inconsistent or not starting (see above)" : ""));
                return 1;
            }
            return 0;
        }
    }
}
