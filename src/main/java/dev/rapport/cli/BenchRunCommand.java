package dev.rapport.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.rapport.bench.HotPathBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", description = "Time the hot paths (queue, client list, timeline, recording a touch, dashboard, "
        + "reports, honeymoon job) of a generated team as p50/p95/p99, each next to a naive baseline measured in the "
        + "same run. Without --team a small team is generated first. Writes touches to a bench client of its own.")
class BenchRunCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--team", description = "the team id `bench generate` printed (default: generate a small team)")
    Long team;

    @Option(names = "--iterations", defaultValue = "50", description = "measured runs per hot path (50)")
    int iterations;

    @Option(names = "--warmup", defaultValue = "10", description = "unmeasured runs first (10)")
    int warmup;

    @Option(names = "--naive-iterations", defaultValue = "10", description = "measured naive runs (10)")
    int naiveIterations;

    @Option(names = "--import-contacts", defaultValue = "1000",
            description = "contacts for the import rate, 0 to skip (1000; full size: bench import)")
    int importContacts;

    @Option(names = "--quick", description = "tiny sizes and few runs, for CI")
    boolean quick;

    @Option(names = "--users", defaultValue = "10", description = "without --team: members to generate (10)")
    int users;

    @Option(names = "--clients", defaultValue = "2000", description = "without --team: clients (2000)")
    int clients;

    @Option(names = "--touches", defaultValue = "60000", description = "without --team: touches (60000)")
    long touches;

    @Option(names = "--journal", defaultValue = "10000", description = "without --team: journal entries (10000)")
    long journal;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (1)")
    long seed;

    @Mixin
    DbOptions db;

    BenchRunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (quick) {
            // small enough for a CI run on H2 in seconds; the figures then prove the command, not the speed
            iterations = Math.min(iterations, 10);
            warmup = Math.min(warmup, 3);
            naiveIterations = Math.min(naiveIterations, 3);
            importContacts = Math.min(importContacts, 100);
            users = Math.min(users, 4);
            clients = Math.min(clients, 400);
            touches = Math.min(touches, 8000);
            journal = Math.min(journal, 800);
        }
        if (iterations < 1 || warmup < 0 || naiveIterations < 1 || importContacts < 0) {
            throw new CliException("--iterations and --naive-iterations must be at least 1, --warmup and "
                    + "--import-contacts at least 0");
        }
        var spec = BenchGenerateCommand.spec(users, clients, touches, journal, 20, seed);
        Map<String, String> props = new LinkedHashMap<>(db.properties(ctx.env()));
        props.put("logging.level.root", "WARN");
        try (ConfigurableApplicationContext app = ServerLauncher.start(props, false)) {
            app.getBean(HotPathBenchmark.class).run(new HotPathBenchmark.Options(team, spec, warmup, iterations,
                    naiveIterations, importContacts), ctx.out());
        }
        return 0;
    }
}
