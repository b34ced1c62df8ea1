package dev.rapport.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import dev.rapport.bench.CrashDrill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "crash", description = "Crash durability drill: start the server from this jar as a child process, "
        + "write over HTTP from several threads, kill -9 it at a random (seeded) moment, check that every "
        + "acknowledged write is in the database and that it is consistent; repeat. Exits 1 if anything was lost. "
        + "The server runs with --demo and the drill writes as the demo owner. H2: a new database in a temporary "
        + "directory. PostgreSQL: give a scratch database with --db-url.")
class CrashBenchCommand implements Callable<Integer> {
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=0;USER=sa";

    private final CliContext ctx;

    @Option(names = "--db", required = true, description = "h2 or postgres")
    String kind;

    @Option(names = "--db-url", description = "JDBC URL (required for postgres; h2 default: a temporary file database)")
    String dbUrl;

    @Option(names = "--db-user", description = "database user")
    String dbUser;

    @Option(names = "--db-password", description = "database password")
    String dbPassword;

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

    @Option(names = "--start-timeout", defaultValue = "180", description = "seconds a server may take to start (180)")
    int startTimeout;

    @Option(names = "--jar", description = "the jar to start (default: the one this command runs from)")
    Path jar;

    CrashBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (rounds < 1 || secondsPerRound <= 0 || threads < 1 || clients < 1 || startTimeout < 1) {
            throw new CliException("--rounds, --threads, --clients and --start-timeout must be at least 1, "
                    + "--seconds-per-round more than 0");
        }
        Path server = jar != null ? jar.toAbsolutePath() : runningJar();
        if (!Files.isRegularFile(server)) {
            throw new CliException("no jar at " + server);
        }
        // the checks open the database with Flyway from this JVM: its INFO lines are noise here
        LoggingSystem logging = LoggingSystem.get(CrashBenchCommand.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel("org.flywaydb", LogLevel.ERROR);
        Path dir = Files.createTempDirectory("rapport-crash-drill");
        String url;
        try {
            url = databaseUrl(kind, dbUrl, dir);
        } catch (CliException e) {
            delete(dir);
            throw e;
        }
        CrashDrill drill = new CrashDrill(new CrashDrill.Options(rounds, secondsPerRound, threads, clients, seed,
                Duration.ofSeconds(startTimeout)), new CrashDrill.Target(server, url, dbUser, dbPassword, dir),
                ctx.out());
        // interrupted (Ctrl-C, kill): no server and no temporary files stay behind
        Thread cleanup = new Thread(() -> {
            drill.stop();
            delete(dir);
        }, "crash-drill-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            ctx.out().printf(Locale.ROOT, "Crash drill on %s: %d rounds of up to %.1f s, %d writers, seed %d, jar %s%n",
                    kind, rounds, secondsPerRound, threads, seed, server);
            ctx.out().flush();
            CrashDrill.Result result = drill.run();
            if (!result.passed()) {
                ctx.err().println("Crash drill FAILED: " + result.lost() + " acknowledged writes lost"
                        + (result.corrupt() ? ", database inconsistent or not starting (see above)" : ""));
                return 1;
            }
            return 0;
        } finally {
            drill.stop();
            delete(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // already shutting down: the hook does the same
            }
        }
    }

    static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // already gone, or being deleted by the other path
        }
    }

    /** The drill's database: a new H2 file database in dir, or the scratch database given. */
    static String databaseUrl(String kind, String dbUrl, Path dir) {
        switch (kind) {
            case "h2" -> {
                if (dbUrl == null) {
                    return "jdbc:h2:file:" + dir.resolve("db").resolve("rapport") + H2_OPTIONS;
                }
                if (!dbUrl.startsWith("jdbc:h2:file:")) {
                    throw new CliException("--db h2 needs an H2 file database URL (jdbc:h2:file:...)");
                }
                return dbUrl;
            }
            case "postgres" -> {
                if (dbUrl == null || !dbUrl.startsWith("jdbc:postgresql:")) {
                    throw new CliException("--db postgres needs --db-url jdbc:postgresql://... of an empty scratch "
                            + "database (the drill writes a team into it)");
                }
                return dbUrl;
            }
            default -> throw new CliException("--db must be h2 or postgres");
        }
    }

    /** The packaged jar this command runs from (Spring Boot's nested jar URL, or a plain jar). */
    static Path runningJar() {
        CodeSource source = CrashBenchCommand.class.getProtectionDomain().getCodeSource();
        String location = source == null ? "" : source.getLocation().toString();
        String nested = "jar:nested:";
        if (location.startsWith(nested) && location.contains("/!")) {
            return Path.of(URI.create("file:" + location.substring(nested.length(), location.indexOf("/!"))));
        }
        if (location.startsWith("file:") && location.endsWith(".jar")) {
            return Path.of(URI.create(location));
        }
        throw new CliException("not running from the packaged jar (" + location + "): run `java -jar "
                + "target/rapport.jar bench crash ...` or pass --jar");
    }
}
