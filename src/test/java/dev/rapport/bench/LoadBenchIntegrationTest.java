package dev.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import dev.rapport.cli.Cli;
import dev.rapport.cli.CliContext;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.H2Initializer;
import dev.rapport.teams.Role;

/**
 * `rapport bench load` against a running server (the app on a random port, H2, rate limit off so the
 * figures are the server's): a closed loop with writes, an open model at a fixed rate, and the refusal
 * to send load anywhere but this machine. A few seconds each; not a timed test.
 */
@ContextConfiguration(initializers = H2Initializer.class)
@TestPropertySource(properties = "rapport.rate-limit.enabled=false")
class LoadBenchIntegrationTest extends AppTestBase {
    private static final Pattern REQUESTS = Pattern.compile("requests: (\\d+) answered, (\\d+) failed, (\\d+) not sent");
    private static final Pattern THROUGHPUT = Pattern.compile("throughput: ([0-9.]+) req/s answered, ([0-9.]+) req/s "
            + "2xx or 304, over ([0-9.]+) s");
    private static final Pattern LATENCY = Pattern.compile("latency ms: p50 ([0-9.]+) p95 ([0-9.]+) p99 ([0-9.]+) "
            + "max ([0-9.]+)");

    @TempDir
    Path dir;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClosedLoopWithWritesCountsEveryAnswerAndEveryAcknowledgedTouchIsStored() {
        var ada = newTeam(Role.MEMBER);
        long client = ada.api().post("/api/v1/clients", "{\"name\":\"Load client\",\"tier\":\"A\"}").json().get("id")
                .asLong();
        Run run = cli(Map.of("RAPPORT_TOKEN", ada.api().token()), "bench", "load", "--url", baseUrl(),
                "--duration", "3", "--concurrency", "4", "--writes", "20%", "--seed", "3", "--warmup", "1");
        assertThat(run.code()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("GET /api/v1/queue on " + HttpLoad.loopback(baseUrl())).contains("closed loop, 4 connections, 20% writes");
        Matcher requests = find(REQUESTS, out);
        long answered = Long.parseLong(requests.group(1));
        assertThat(answered).isGreaterThan(20);
        assertThat(requests.group(2)).as("failed").isEqualTo("0");
        long ok = count(out, 200);
        long created = count(out, 201);
        assertThat(ok + created).as("every answer a 200 (read) or 201 (write)").isEqualTo(answered);
        // a fifth on average; a few dozen answers on a busy machine leave room either way
        assertThat(created).as("some, not most, are writes").isBetween(1L, answered / 2);
        assertThat(out).contains("after a 1 s warm-up").contains("errors: none");
        long acknowledged = Long.parseLong(find(Pattern.compile("touches acknowledged: (\\d+)"), out).group(1));
        assertThat(acknowledged).as("the warm-up's writes are reported too: they are stored")
                .isGreaterThanOrEqualTo(created);
        Matcher throughput = find(THROUGHPUT, out);
        double seconds = Double.parseDouble(throughput.group(3));
        assertThat(seconds).isBetween(2.9, 30.0);
        assertThat(Double.parseDouble(throughput.group(1))).isCloseTo(answered / seconds, org.assertj.core.data
                .Offset.offset(answered / seconds * 0.02 + 0.1));
        Matcher latency = find(LATENCY, out);
        double p50 = Double.parseDouble(latency.group(1));
        double p99 = Double.parseDouble(latency.group(3));
        assertThat(p50).isPositive().isLessThanOrEqualTo(Double.parseDouble(latency.group(2)));
        assertThat(p99).isLessThanOrEqualTo(Double.parseDouble(latency.group(4)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM touch WHERE client_id = ? AND note = 'load'").param(client)
                .query(Long.class).single()).as("every acknowledged touch is stored, and only those").isEqualTo(acknowledged);
    }

    @Test
    void anOpenModelSendsOnScheduleAndStopsAtTheRequestBound() {
        var ada = newTeam(Role.MEMBER);
        Run timed = cli(Map.of(), "bench", "load", "--url", baseUrl(), "--token", ada.api().token(), "--rate", "40",
                "--duration", "2", "--concurrency", "4", "--warmup", "0");
        assertThat(timed.code()).as(timed.err()).isZero();
        assertThat(timed.out()).contains("open model at 40 req/s");
        Matcher requests = find(REQUESTS, timed.out());
        long answered = Long.parseLong(requests.group(1));
        long notSent = Long.parseLong(requests.group(3));
        assertThat(answered + notSent).as("2 s at 40/s").isEqualTo(80);
        assertThat(answered).as("most are sent even on a busy machine").isGreaterThan(10);
        assertThat(count(timed.out(), 200)).isEqualTo(answered);

        Run bounded = cli(Map.of(), "bench", "load", "--url", baseUrl(), "--token", ada.api().token(), "--requests",
                "25", "--duration", "60", "--concurrency", "3", "--path", "/api/v1/clients", "--warmup", "0");
        assertThat(bounded.code()).as(bounded.err()).isZero();
        assertThat(find(REQUESTS, bounded.out()).group(1)).isEqualTo("25");
        assertThat(bounded.out()).contains("GET /api/v1/clients").contains("status 200: 25");

        Run anonymous = cli(Map.of(), "bench", "load", "--url", baseUrl(), "--token", "rp_wrong", "--requests", "5",
                "--warmup", "0");
        assertThat(anonymous.out()).as("a wrong token is counted, not hidden").contains("status 401: 5");
    }

    @Test
    void revalidatingSendersGetNotModifiedWhileTheQueueIsUnchanged() {
        var ada = newTeam(Role.MEMBER);
        ada.api().post("/api/v1/clients", "{\"name\":\"Due client\",\"tier\":\"A\"}");
        Run run = cli(Map.of("RAPPORT_TOKEN", ada.api().token()), "bench", "load", "--url", baseUrl(),
                "--requests", "30", "--duration", "60", "--concurrency", "2", "--revalidate", "--warmup", "0");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("GET /api/v1/queue (revalidating with If-None-Match)");
        assertThat(find(REQUESTS, run.out()).group(1)).isEqualTo("30");
        // each connection's first answer is a 200 with the tag, every later one a 304
        long full = count(run.out(), 200);
        assertThat(full).as("one per connection that sent").isBetween(1L, 2L);
        assertThat(count(run.out(), 304)).isEqualTo(30 - full);
        Matcher throughput = find(THROUGHPUT, run.out());
        assertThat(throughput.group(2)).as("a 304 is a successful answer").isEqualTo(throughput.group(1));
    }

    @Test
    void loadIsOnlySentToThisMachineAndNeedsAToken() {
        Run remote = cli(Map.of("RAPPORT_TOKEN", "t"), "bench", "load", "--url", "http://10.20.30.40:8080",
                "--requests", "1");
        assertThat(remote.code()).isNotZero();
        assertThat(remote.err()).contains("only sent to this machine").contains("10.20.30.40");
        Run noToken = cli(Map.of(), "bench", "load", "--url", baseUrl(), "--requests", "1");
        assertThat(noToken.code()).isNotZero();
        assertThat(noToken.err()).contains("RAPPORT_TOKEN");
        Run tooLong = cli(Map.of("RAPPORT_TOKEN", "t"), "bench", "load", "--url", baseUrl(), "--duration", "601");
        assertThat(tooLong.code()).isNotZero();
        assertThat(tooLong.err()).contains("at most 600 s");
        Run negativeWarmup = cli(Map.of("RAPPORT_TOKEN", "t"), "bench", "load", "--url", baseUrl(), "--warmup", "-1");
        assertThat(negativeWarmup.code()).isNotZero();
        assertThat(negativeWarmup.err()).contains("--warmup 0 to 600 s");
    }

    private record Run(int code, String out, String err) {
    }

    private Run cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), env));
        System.out.println(out);
        return new Run(code, out.toString(), err.toString());
    }

    private static Matcher find(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        assertThat(m.find()).as(pattern + " in\n" + out).isTrue();
        return m;
    }

    private static long count(String out, int status) {
        Matcher m = Pattern.compile("(?m)^status " + status + ": (\\d+)$").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
