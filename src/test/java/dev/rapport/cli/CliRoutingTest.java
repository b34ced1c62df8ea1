package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line that only starts the server is parsed by `serve` alone; anything that command cannot parse
 * (help, version, typos, other commands) still gets the whole tree's answer. None of these start a server.
 */
class CliRoutingTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.execute(args, new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), Map.of()));
    }

    @Test
    void helpAndVersionComeFromTheWholeTree() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: rapport").contains("serve").contains("today");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("Rapport 0.1");
        assertThat(run("today", "--help")).as("every command has help").isZero();
        assertThat(out.toString()).contains("Usage: rapport today");
        assertThat(run("client", "add", "-h")).as("and every subcommand").isZero();
        assertThat(out.toString()).contains("Usage: rapport client add");
        assertThat(run("serve", "--help")).as("serve alone does not know help: the whole tree answers").isZero();
        assertThat(out.toString()).contains("Usage: rapport serve");
    }

    @Test
    void aTypoIsAnsweredAsBeforeWithTheRootUsage() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'").contains("Usage: rapport");
        assertThat(run("today", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'").contains("Usage: rapport today");
        assertThat(run("serve", "--port")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter for option '--port'")
                .contains("Usage: rapport serve");
    }
}
