package dev.rapport.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.rapport.bench.ArchiveBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "archive", description = "Generate a big team, then time its full archive export and its import into "
        + "an empty database. Writes a new team into --db-url: use a scratch database.")
class ArchiveBenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--clients", defaultValue = "100000", description = "clients in the team (100000)")
    int clients;

    @Option(names = "--touches", defaultValue = "2000000", description = "touches in all (2000000)")
    int touches;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (1)")
    long seed;

    @Option(names = "--import-db-url", description = "an EMPTY database to import into "
            + "(default: a new H2 file database in a temporary directory, deleted afterwards)")
    String importUrl;

    @Option(names = "--import-db-user", description = "its user")
    String importUser;

    @Option(names = "--import-db-password", description = "its password")
    String importPassword;

    @Option(names = "--keep", description = "keep the archive at this path (to time `archive import` on its own)")
    Path keep;

    @Mixin
    DbOptions db;

    ArchiveBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        if (clients < 1 || touches < 0) {
            throw new CliException("--clients must be at least 1 and --touches at least 0");
        }
        Path dir = Files.createTempDirectory("rapport-archive-bench");
        try {
            Path file = dir.resolve("bench.zip");
            Map<String, String> source = new LinkedHashMap<>(db.properties(ctx.env()));
            source.put("logging.level.root", "WARN");
            ArchiveBenchmark.Timed export;
            try (ConfigurableApplicationContext app = ServerLauncher.start(source, false)) {
                ArchiveBenchmark bench = app.getBean(ArchiveBenchmark.class);
                long team = bench.generate(new ArchiveBenchmark.Options(clients, touches, seed), ctx.out());
                export = bench.export(team, file);
            }
            ArchiveBenchmark.Timed verify = ArchiveBenchmark.verify(file);
            Map<String, String> target = new LinkedHashMap<>();
            String url = importUrl != null ? importUrl : "jdbc:h2:file:" + dir.resolve("import")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;USER=sa";
            target.put("spring.datasource.url", url);
            if (importUser != null) {
                target.put("spring.datasource.username", importUser);
            }
            if (importPassword != null) {
                target.put("spring.datasource.password", importPassword);
            }
            target.put("logging.level.root", "WARN");
            ArchiveBenchmark.Timed restored;
            try (ConfigurableApplicationContext app = ServerLauncher.start(target, false)) {
                restored = app.getBean(ArchiveBenchmark.class).importArchive(file,
                        url.startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2");
            }
            ArchiveBenchmark.header(ctx.out());
            for (ArchiveBenchmark.Timed t : new ArchiveBenchmark.Timed[] {export, verify, restored}) {
                t.print(ctx.out());
            }
            if (keep != null) {
                Files.copy(file, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                ctx.out().println("Kept the archive at " + keep);
            }
            ctx.out().flush();
            return 0;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
