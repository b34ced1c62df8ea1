package dev.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.cli.Cli;
import dev.rapport.cli.CliContext;
import dev.rapport.support.TestDatabases;

/**
 * Proves `rapport bench archive` works at a tiny size from and into both databases (the H2 target
 * is the command's default temporary H2 file); it is not a timed test. Full size:
 * -Dbench.archiveClients=100000 -Dbench.archiveTouches=2000000 (-Dbench.archivePairs=h2>postgres).
 */
class ArchiveBenchIntegrationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2>h2", "postgres>postgres", "h2>postgres"})
    void archiveBenchmarkExportsImportsAndPrintsRates(String pair) {
        Assumptions.assumeTrue(List.of(System.getProperty("bench.archivePairs", "h2>h2,postgres>postgres,h2>postgres")
                .split(",")).contains(pair));
        String from = pair.split(">")[0];
        String to = pair.split(">")[1];
        List<String> args = new ArrayList<>(List.of("bench", "archive", "--clients",
                System.getProperty("bench.archiveClients", "200"), "--touches",
                System.getProperty("bench.archiveTouches", "600")));
        args.addAll(List.of("--db-url", from.equals("h2") ? "jdbc:h2:file:" + dir.resolve("source")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;USER=sa"
                : TestDatabases.newPostgresUrl()));
        if (to.equals("postgres")) {
            args.addAll(List.of("--import-db-url", TestDatabases.newPostgresUrl()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args.toArray(String[]::new), new CliContext(dir, new PrintWriter(out, true),
                new PrintWriter(err, true), new BufferedReader(new StringReader("")), Map.of()));
        System.out.println(out);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Generated team")
                .containsPattern("export \\(" + name(from) + "\\) +[0-9,]+ +[0-9.]+ +[0-9,]+ +[0-9.]+")
                .containsPattern("verify checksums \\(no database\\) +[0-9,]+ +[0-9.]+")
                .containsPattern("import \\(" + name(to) + "\\) +[0-9,]+ +[0-9.]+ +[0-9,]+ +[0-9.]+");
    }

    private static String name(String db) {
        return db.equals("h2") ? "H2" : "PostgreSQL";
    }
}
