package dev.rapport.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user runs it: first owner, server, CLI, and a second server on the same database. */
class ServerProcessIntegrationTest {
    private static final Pattern RUNNING = Pattern.compile("Rapport is running at (http://localhost:\\d+)");

    @TempDir
    Path dir;

    /** A started process whose combined output is collected line by line. */
    private static final class Proc {
        final Process process;
        final List<String> lines = new ArrayList<>();

        Proc(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        String waitFor(Pattern pattern, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                Matcher m = pattern.matcher(output());
                if (m.find()) {
                    return m.group(1);
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("never saw " + pattern + " in:\n" + output());
        }
    }

    private Proc run(String stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-jar", Path.of("target", "rapport.jar").toAbsolutePath()
                .toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("RAPPORT_CONFIG_DIR", dir.resolve("cli").toString());
        pb.environment().remove("RAPPORT_DB_URL");
        Proc proc = new Proc(pb.start());
        try (OutputStream in = proc.process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        return proc;
    }

    private static int exit(Proc p) throws InterruptedException {
        assertThat(p.process.waitFor(90, TimeUnit.SECONDS)).as(p.output()).isTrue();
        return p.process.exitValue();
    }

    @Test
    void firstOwnerServerCliAndASecondServerOnTheSameDatabase() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("data/rapport")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;USER=sa";
        Proc admin = run("a long enough password\n", "admin", "create", "--db-url", db, "--email", "owner@example.com",
                "--name", "Olive Owner", "--team", "Olive & Co", "--zone", "Europe/Amsterdam", "--password-stdin");
        assertThat(exit(admin)).as(admin.output()).isZero();
        assertThat(admin.output()).contains("Created team 'Olive & Co' with owner owner@example.com");

        Proc server = run("", "--port", "0", "--db-url", db);
        try {
            String url = server.waitFor(RUNNING, 90);
            Proc login = run("a long enough password\n", "login", url, "--email", "owner@example.com",
                    "--password-stdin");
            assertThat(exit(login)).as(login.output()).isZero();
            Proc add = run("", "client", "add", "Ada Lovelace", "--tier", "A");
            assertThat(exit(add)).as(add.output()).isZero();
            Proc today = run("", "today");
            assertThat(exit(today)).as(today.output()).isZero();
            assertThat(today.output()).contains("1 client").contains("never touched since added on");

            Proc second = run("", "--port", "0", "--db-url", db);
            assertThat(exit(second)).isEqualTo(1);
            assertThat(second.output()).contains("already in use by another Rapport process")
                    .doesNotContain("\tat ");
        } finally {
            server.process.destroy();
            server.process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
