package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.rapport.support.TestDatabases;

/** `rapport backup` on a stopped H2 database writes a zip H2 can restore from; PostgreSQL is pointed at pg_dump. */
class BackupCliIntegrationTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), Map.of()));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void backsUpAStoppedH2DatabaseAndRefusesPostgres() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("data/rapport")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;USER=sa";
        Path zip = dir.resolve("copies/rapport.zip");
        Run backup = run("backup", "--db-url", db, "--to", zip.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backup written to " + zip).contains("bytes");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(e -> e.getName()).toList()).isEqualTo(List.of("rapport.mv.db"));
            assertThat(z.getEntry("rapport.mv.db").getSize()).isPositive();
        }
        try (var files = Files.list(zip.getParent())) {
            assertThat(files.toList()).as("no .part file left").containsExactly(zip);
        }

        Run postgres = run("backup", "--db-url", TestDatabases.newPostgresUrl(), "--to",
                dir.resolve("pg.zip").toString());
        assertThat(postgres.code()).isNotZero();
        assertThat(postgres.err()).contains("pg_dump");
        assertThat(dir.resolve("pg.zip")).doesNotExist();
    }
}
