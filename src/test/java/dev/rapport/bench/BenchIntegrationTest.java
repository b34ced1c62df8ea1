package dev.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.cli.Cli;
import dev.rapport.cli.CliContext;
import dev.rapport.support.TestDatabases;

/**
 * Proves the benchmark command works on both databases at a tiny size (it is not a timed test).
 * Full size: -Dbench.users=50 -Dbench.days=730 -Dbench.teamDays=90 -Dbench.iterations=50.
 */
class BenchIntegrationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void journalBenchmarkRunsAndPrintsRatios(String db) {
        String url = db.equals("h2")
                ? "jdbc:h2:file:" + dir.resolve("bench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;USER=sa"
                : TestDatabases.newPostgresUrl();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new String[] {"bench", "journal", "--db-url", url,
            "--users", System.getProperty("bench.users", "3"), "--days", System.getProperty("bench.days", "20"),
            "--team-days", System.getProperty("bench.teamDays", "10"),
            "--iterations", System.getProperty("bench.iterations", "5")},
                new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true),
                        new BufferedReader(new StringReader("")), Map.of()));
        System.out.println(out);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("journal entries").contains("yearly report, one user")
                .containsPattern("team quarter report, \\d+ users +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void honeymoonBenchmarkRunsAndPrintsTheRatio(String db) {
        // a full-size run can be limited to one database: -Dbench.databases=postgres
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("bench.databases", "h2,postgres").contains(db));
        String url = db.equals("h2")
                ? "jdbc:h2:file:" + dir.resolve("honeymoon") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;USER=sa"
                : TestDatabases.newPostgresUrl();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new String[] {"bench", "honeymoon", "--db-url", url,
            "--clients", System.getProperty("bench.clients", "200"), "--touches", System.getProperty("bench.touches",
                    "10")},
                new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true),
                        new BufferedReader(new StringReader("")), Map.of()));
        System.out.println(out);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("nightly honeymoon check, all teams +[0-9.]+ +[0-9.]+ +[0-9.]+x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void dashboardBenchmarkRunsAndPrintsTheRatio(String db) {
        // full size, PostgreSQL only: -Dbench.databases=postgres -Dbench.users=500 -Dbench.clients=200000
        //   -Dbench.dashboardTouches=10000000 -Dbench.journal=2000000
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("bench.databases", "h2,postgres").contains(db));
        String url = db.equals("h2")
                ? "jdbc:h2:file:" + dir.resolve("dashboard") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;USER=sa"
                : TestDatabases.newPostgresUrl();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new String[] {"bench", "dashboard", "--db", url,
            "--users", System.getProperty("bench.users", "4"), "--clients", System.getProperty("bench.clients", "200"),
            "--touches", System.getProperty("bench.dashboardTouches", "4000"),
            "--journal", System.getProperty("bench.journal", "400"),
            "--iterations", System.getProperty("bench.iterations", "5"), "--naive-iterations", "3"},
                new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true),
                        new BufferedReader(new StringReader("")), Map.of()));
        System.out.println(out);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Generated 4 users, 200 clients")
                .containsPattern("dashboard, \\d+ members, 30 days +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+x")
                .contains("drill-down, first 50 overdue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void importBenchmarkRunsAndPrintsContactsPerSecond(String db) {
        // full size: -Dbench.contacts=100000 (add -DargLine=-Xmx512m to hold the heap target)
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("bench.databases", "h2,postgres").contains(db));
        String url = db.equals("h2")
                ? "jdbc:h2:file:" + dir.resolve("import") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;USER=sa"
                : TestDatabases.newPostgresUrl();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String contacts = System.getProperty("bench.contacts", "200");
        int code = Cli.execute(new String[] {"bench", "import", "--db", url, "--contacts", contacts},
                new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true),
                        new BufferedReader(new StringReader("")), Map.of()));
        System.out.println(out);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("import, all new +[0-9.]+ +[0-9]+ +[0-9]+")
                .containsPattern("same file again, all unchanged +[0-9.]+ +[0-9]+ +[0-9]+")
                .contains("records " + String.format(java.util.Locale.ROOT, "%,d", Integer.parseInt(contacts)) + ": "
                        + String.format(java.util.Locale.ROOT, "%,d", Integer.parseInt(contacts)) + " new");
    }
}
