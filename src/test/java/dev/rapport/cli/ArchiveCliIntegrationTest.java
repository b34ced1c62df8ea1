package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.rapport.support.TestDatabases;

/** `rapport archive export|verify|import` as an admin runs them: H2 file database to PostgreSQL. */
class ArchiveCliIntegrationTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run rapport(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)), Map.of()));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void exportVerifyAndImportIntoAnEmptyPostgresqlOnly() throws Exception {
        String h2 = "jdbc:h2:file:" + dir.resolve("rapport") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;USER=sa";
        Run created = rapport("a long password\n", "admin", "create", "--email", "owner@example.com", "--name", "Olga",
                "--team", "Cli Team", "--password-stdin", "--db-url", h2);
        assertThat(created.code()).as(created.err()).isZero();

        Path zip = dir.resolve("team.zip");
        Run export = rapport("", "archive", "export", "--team", "Cli Team", zip.toString(), "--db-url", h2);
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("Teams: Cli Team (1)").containsPattern("app_user +1\\b")
                .containsPattern("tier_cadence +\\d+").contains("api_token").contains("omitted").contains("Wrote");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).doesNotContain("team.zip.partial");

        Run verify = rapport("", "archive", "verify", zip.toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("OK: every checksum matches");

        String pg = TestDatabases.newPostgresUrl();
        Run restored = rapport("", "archive", "import", zip.toString(), "--db-url", pg);
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restored").contains("rapport admin reset-password");

        Run again = rapport("", "archive", "import", zip.toString(), "--db-url", pg);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("cannot import").contains("already holds data");

        byte[] bytes = Files.readAllBytes(zip);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Run damaged = rapport("", "archive", "import", truncated.toString(), "--db-url", TestDatabases.newPostgresUrl());
        assertThat(damaged.code()).isEqualTo(1);
        assertThat(damaged.err()).contains("refused").contains("not a complete zip archive");

        Path all = dir.resolve("all.zip");
        Run everything = rapport("", "archive", "export", "--all-teams", "--with-password-hashes", all.toString(),
                "--db-url", h2);
        assertThat(everything.code()).as(everything.err()).isZero();
        assertThat(everything.out()).contains("with password hashes").doesNotContain("omitted");

        assertThat(rapport("", "archive", "export", "--team", "Nobody", dir.resolve("x.zip").toString(),
                "--db-url", h2).err()).contains("team Nobody not found");
        assertThat(rapport("", "archive", "export", dir.resolve("x.zip").toString(), "--db-url", h2).code())
                .isEqualTo(2);
    }
}
