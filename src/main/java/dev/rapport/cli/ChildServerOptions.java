package dev.rapport.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.Comparator;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import dev.rapport.bench.CrashDrill;
import picocli.CommandLine.Option;

/**
 * The options of the drills that start the server from this jar as a child process (`bench crash`,
 * `bench overload`), and the life of one such run: a temporary directory, the database, and cleanup
 * however the command ends (normally, on an error, or interrupted).
 */
class ChildServerOptions {
    @Option(names = "--db", required = true, description = "h2 or postgres")
    String kind;

    @Option(names = "--db-url", description = "JDBC URL (required for postgres; h2 default: a temporary file database)")
    String dbUrl;

    @Option(names = "--db-user", description = "database user")
    String dbUser;

    @Option(names = "--db-password", description = "database password")
    String dbPassword;

    @Option(names = "--start-timeout", defaultValue = "180", description = "seconds a server may take to start (180)")
    int startTimeout;

    @Option(names = "--jar", description = "the jar to start (default: the one this command runs from)")
    Path jar;

    Duration startTimeout() {
        if (startTimeout < 1) {
            throw new CliException("--start-timeout must be at least 1");
        }
        return Duration.ofSeconds(startTimeout);
    }

    /** Prepares a run: the jar must exist, the database must fit --db; nothing is left behind on failure. */
    Run start(String name) throws IOException {
        Path server = jar != null ? jar.toAbsolutePath() : runningJar();
        if (!Files.isRegularFile(server)) {
            throw new CliException("no jar at " + server);
        }
        // the checks open the database with Flyway from this JVM: its INFO lines are noise here
        LoggingSystem logging = LoggingSystem.get(ChildServerOptions.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel("org.flywaydb", LogLevel.ERROR);
        Path dir = Files.createTempDirectory(name);
        try {
            return new Run(name, server, new CrashDrill.Target(server, databaseUrl(kind, dbUrl, dir), dbUser,
                    dbPassword, dir));
        } catch (CliException e) {
            delete(dir);
            throw e;
        }
    }

    /** One drill run; closing it (or the JVM shutting down) stops the drill's server and removes its files. */
    static final class Run implements AutoCloseable {
        private final Path server;
        private final CrashDrill.Target target;
        private final Thread hook;
        private volatile Runnable stop = () -> { };

        private Run(String name, Path server, CrashDrill.Target target) {
            this.server = server;
            this.target = target;
            this.hook = new Thread(this::cleanUp, name + "-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        Path server() {
            return server;
        }

        CrashDrill.Target target() {
            return target;
        }

        /** What stops the drill's server, on close or when interrupted. */
        void onStop(Runnable stop) {
            this.stop = stop;
        }

        private void cleanUp() {
            stop.run();
            delete(target.workDir());
        }

        @Override
        public void close() {
            cleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
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
                    return H2Url.complete("jdbc:h2:file:" + dir.resolve("db").resolve("rapport"));
                }
                if (!dbUrl.startsWith("jdbc:h2:file:")) {
                    throw new CliException("--db h2 needs an H2 file database URL (jdbc:h2:file:...)");
                }
                return H2Url.complete(dbUrl);
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
        CodeSource source = ChildServerOptions.class.getProtectionDomain().getCodeSource();
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
