package dev.rapport.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.rapport.bench.JournalBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Benchmarks against a database (never a timed test).",
        subcommands = {BenchCommand.Journal.class, BenchCommand.Honeymoon.class, BenchCommand.Dashboard.class,
                BenchCommand.Import.class, ArchiveBenchCommand.class, BenchGenerateCommand.class,
                BenchRunCommand.class, CrashBenchCommand.class, BenchLoadCommand.class,
                OverloadBenchCommand.class})
class BenchCommand {

    @Command(name = "journal", description = "Generate journal data and time the reports next to a naive baseline. "
            + "Writes a new team into the database: use a scratch database.")
    static class Journal implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--users", defaultValue = "50", description = "team size (default 50)")
        int users;

        @Option(names = "--days", defaultValue = "730", description = "days of history for the first user (730)")
        int days;

        @Option(names = "--team-days", defaultValue = "90", description = "days of history for the others (90)")
        int teamDays;

        @Option(names = "--iterations", defaultValue = "50", description = "measured runs per case (50)")
        int iterations;

        @Option(names = "--seed", defaultValue = "1", description = "random seed (1)")
        long seed;

        @Mixin
        DbOptions db;

        Journal(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (users < 1 || days < 1 || teamDays < 1 || iterations < 1) {
                throw new CliException("--users, --days, --team-days and --iterations must be at least 1");
            }
            Map<String, String> props = new LinkedHashMap<>(db.properties(ctx.env()));
            props.put("logging.level.root", "WARN");
            try (ConfigurableApplicationContext app = ServerLauncher.start(props, false)) {
                app.getBean(JournalBenchmark.class).run(new JournalBenchmark.Options(users, days, teamDays,
                        iterations, seed), ctx.out());
            }
            return 0;
        }
    }

    @Command(name = "honeymoon", description = "Generate signed clients with touches and time the nightly honeymoon "
            + "check next to a naive N+1 baseline. Writes a new team: use a scratch database.")
    static class Honeymoon implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--clients", defaultValue = "20000", description = "clients in the team (20000)")
        int clients;

        @Option(names = "--touches", defaultValue = "50", description = "touches per client (50)")
        int touches;

        @Option(names = "--signed-days", defaultValue = "1095", description = "signing dates spread over (1095 days)")
        int signedDays;

        @Option(names = "--seed", defaultValue = "1", description = "random seed (1)")
        long seed;

        @Mixin
        DbOptions db;

        Honeymoon(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (clients < 1 || touches < 0 || signedDays < 1) {
                throw new CliException("--clients and --signed-days must be at least 1, --touches at least 0");
            }
            Map<String, String> props = new LinkedHashMap<>(db.properties(ctx.env()));
            props.put("logging.level.root", "WARN");
            try (ConfigurableApplicationContext app = ServerLauncher.start(props, false)) {
                app.getBean(dev.rapport.bench.HoneymoonBenchmark.class).run(new dev.rapport.bench.HoneymoonBenchmark
                        .Options(clients, touches, signedDays, seed), ctx.out());
            }
            return 0;
        }
    }

    @Command(name = "dashboard", description = "Generate a whole team (COPY on PostgreSQL) and time the manager "
            + "dashboard next to the naive query over the raw tables. Writes a new team: use a scratch database.")
    static class Dashboard implements Callable<Integer> {
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

        @Option(names = "--iterations", defaultValue = "50", description = "measured dashboard runs (50)")
        int iterations;

        @Option(names = "--naive-iterations", defaultValue = "5", description = "measured naive runs (5)")
        int naiveIterations;

        @Option(names = "--seed", defaultValue = "1", description = "random seed (1)")
        long seed;

        @Option(names = "--team", description = "measure the team an earlier run generated (its id) instead")
        Long team;

        @Mixin
        DbOptions db;

        Dashboard(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (users < 1 || clients < users || touches < 0 || journal < 0 || promises < 0 || iterations < 1
                    || naiveIterations < 1) {
                throw new CliException("--users and --iterations must be at least 1, --clients at least --users, "
                        + "the other counts not negative");
            }
            Map<String, String> props = new LinkedHashMap<>(db.properties(ctx.env()));
            props.put("logging.level.root", "WARN");
            try (ConfigurableApplicationContext app = ServerLauncher.start(props, false)) {
                app.getBean(dev.rapport.bench.DashboardBenchmark.class).run(new dev.rapport.bench.DashboardBenchmark
                        .Options(new dev.rapport.bench.BenchGenerator.Spec(users, clients, touches, journal, promises,
                        seed), iterations, naiveIterations, team), ctx.out());
            }
            return 0;
        }
    }

    @Command(name = "import", description = "Generate a vCard file, import it into a new team (all new) and again "
            + "(all unchanged); print contacts/s and the peak heap. Writes a new team: use a scratch database. "
            + "Run with -Xmx512m to hold the heap target.")
    static class Import implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--contacts", defaultValue = "100000", description = "contacts in the file (100000)")
        int contacts;

        @Option(names = "--seed", defaultValue = "1", description = "random seed (1)")
        long seed;

        @Mixin
        DbOptions db;

        Import(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (contacts < 1) {
                throw new CliException("--contacts must be at least 1");
            }
            Map<String, String> props = new LinkedHashMap<>(db.properties(ctx.env()));
            props.put("logging.level.root", "WARN");
            try (ConfigurableApplicationContext app = ServerLauncher.start(props, false)) {
                app.getBean(dev.rapport.bench.ImportBenchmark.class).run(new dev.rapport.bench.ImportBenchmark
                        .Options(contacts, seed), ctx.out());
            }
            return 0;
        }
    }
}
