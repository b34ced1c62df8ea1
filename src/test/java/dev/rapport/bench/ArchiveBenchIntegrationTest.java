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
 * Proves `rapport bench archive` works at a tiny size on both databases (H2 into a temporary H2,
 * PostgreSQL into another PostgreSQL database); it is not a timed test. Full size:
 * -Dbench.archiveClients=100000 -Dbench.archiveTouches=2000000 (-Dbench.databases=postgres).
 */
class ArchiveBenchIntegrationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void archiveBenchmarkExportsImportsAndPrintsRates(String db) {
        Assumptions.assumeTrue(System.getProperty("bench.databases", "h2,postgres").contains(db));
        List<String> args = new ArrayList<>(List.of("bench", "archive", "--clients",
                System.getProperty("bench.archiveClients", "200"), "--touches",
                System.getProperty("bench.archiveTouches", "600")));
        if (db.equals("h2")) {
            args.addAll(List.of("--db-url", "jdbc:h2:file:" + dir.resolve("source") + ";MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;USER=sa"));
        } else {
            args.addAll(List.of("--db-url", TestDatabases.newPostgresUrl(), "--import-db-url",
                    TestDatabases.newPostgresUrl()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args.toArray(String[]::new), new CliContext(dir, new PrintWriter(out, true),
                new PrintWriter(err, true), new BufferedReader(new StringReader("")), Map.of()));
        System.out.println(out);
        assertThat(code).as(err.toString()).isZero();
        String name = db.equals("h2") ? "H2" : "PostgreSQL";
        assertThat(out.toString()).contains("Generated team")
                .containsPattern("export \\(" + name + "\\) +[0-9,]+ +[0-9.]+ +[0-9,]+ +[0-9.]+")
                .containsPattern("verify checksums \\(no database\\) +[0-9,]+ +[0-9.]+")
                .containsPattern("import \\(" + name + "\\) +[0-9,]+ +[0-9.]+ +[0-9,]+ +[0-9.]+");
    }
}
