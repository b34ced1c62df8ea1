package dev.rapport.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.rapport.bench.BenchGenerator;
import dev.rapport.bench.GenerateBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", description = "Generate a whole team reproducibly from a seed (COPY on PostgreSQL, every "
        + "rollup kept) and print its id, sign-ins, counts and rows/s next to a raw COPY of the same touches. "
        + "Writes a new team: use a scratch database.")
class BenchGenerateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--users", defaultValue = "500", description = "team members (500)")
    int users;

    @Option(names = "--clients", defaultValue = "200000", description = "clients (200000)")
    int clients;

    @Option(names = "--touches", defaultValue = "10000000", description = "touches, about (10000000)")
    long touches;

    @Option(names = "--journal", defaultValue = "2000000", description = "journal entries (2000000)")
    long journal;

    @Option(names = "--promises", defaultValue = "100", description = "promises per member (100)")
    int promises;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (1)")
    long seed;

    @Option(names = "--skip-raw-copy", description = "do not time a raw COPY of the same touches into a scratch "
            + "table afterwards (it takes about as long as the touch stage)")
    boolean skipRawCopy;

    @Mixin
    DbOptions db;

    BenchGenerateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        BenchGenerator.Spec spec = spec(users, clients, touches, journal, promises, seed);
        Map<String, String> props = new LinkedHashMap<>(db.properties(ctx.env()));
        props.put("logging.level.root", "WARN");
        ProgressPrinter progress = new ProgressPrinter(ctx.err(), System.console() != null);
        try (ConfigurableApplicationContext app = ServerLauncher.start(props, false)) {
            app.getBean(GenerateBenchmark.class).run(spec, !skipRawCopy, ctx.out(), progress);
        } finally {
            progress.finishLine();
        }
        return 0;
    }

    static BenchGenerator.Spec spec(int users, int clients, long touches, long journal, int promises, long seed) {
        if (users < 1 || clients < users || touches < 0 || journal < 0 || promises < 0) {
            throw new CliException("--users must be at least 1, --clients at least --users, the other counts not "
                    + "negative");
        }
        return new BenchGenerator.Spec(users, clients, touches, journal, promises, seed);
    }
}
