package dev.rapport.cli;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.rapport.bench.HttpLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "load", description = "Drive a running server on this machine over HTTP with an API token and print "
        + "throughput, latency percentiles (from each request's scheduled time with --rate) and answers by status. "
        + "Loopback addresses only; bounded by --duration (at most 600 s) and --requests. The server's per-token "
        + "rate limit (50/s) answers most of a load with 429: start it with RAPPORT_RATE_LIMIT_ENABLED=false to "
        + "measure the server itself.")
class BenchLoadCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the server (http://127.0.0.1:8080)")
    String url;

    @Option(names = "--token", description = "API bearer token (default: RAPPORT_TOKEN)")
    String token;

    @Option(names = "--path", defaultValue = HttpLoad.QUEUE_PATH, description = "what to GET (" + HttpLoad.QUEUE_PATH
            + ", the attention queue)")
    String path;

    @Option(names = "--duration", defaultValue = "30", description = "seconds, at most 600 (30)")
    double duration;

    @Option(names = "--requests", defaultValue = "1000000", description = "requests at most (1000000)")
    long requests;

    @Option(names = "--concurrency", defaultValue = "16", description = "connections and sender threads (16)")
    int concurrency;

    @Option(names = "--rate", defaultValue = "0", description = "requests per second on a fixed schedule "
            + "(open model); 0: each sender sends again as soon as it has an answer (closed loop) (0)")
    double rate;

    @Option(names = "--writes", defaultValue = "0", description = "percent of requests that record a touch on one of "
            + "the token's clients instead (0), e.g. 10 or 10%%")
    String writes;

    @Option(names = "--timeout", defaultValue = "10", description = "seconds one answer may take (10)")
    double timeout;

    @Option(names = "--revalidate", description = "each connection sends back the ETag of its last 200 in "
            + "If-None-Match, as a polling client with a cache does; unchanged answers are 304 without a body")
    boolean revalidate;

    @Option(names = "--warmup", defaultValue = "5", description = "seconds of the same load sent first and not "
            + "counted, so the generator's own start (JIT, connections) stays out of the figures; 0: none (5)")
    double warmup;

    @Option(names = "--seed", defaultValue = "1", description = "random seed of the read/write choice (1)")
    long seed;

    BenchLoadCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String secret = token != null ? token : ctx.env().get("RAPPORT_TOKEN");
        if (secret == null || secret.isBlank()) {
            throw new CliException("an API token is needed: --token or RAPPORT_TOKEN (rapport login, or POST "
                    + "/api/v1/auth/tokens, issues one)");
        }
        if (!(duration > 0) || duration > HttpLoad.MAX_DURATION.toSeconds() || !(timeout > 0)
                || !(warmup >= 0) || warmup > HttpLoad.MAX_DURATION.toSeconds()) {
            throw new CliException("--duration must be above 0 and at most " + HttpLoad.MAX_DURATION.toSeconds()
                    + " s, --warmup 0 to " + HttpLoad.MAX_DURATION.toSeconds() + " s, --timeout above 0");
        }
        int writePercent = percent(writes);
        URI base;
        HttpLoad load;
        try {
            base = HttpLoad.loopback(url);
            HttpLoad.Options probe = options(base, secret, writePercent, List.of(0L));
            List<Long> clients = List.of();
            if (writePercent > 0) {
                clients = new HttpLoad(probe).clients();
                if (clients.isEmpty()) {
                    throw new CliException("--writes needs clients: the token's user has none");
                }
            }
            load = new HttpLoad(options(base, secret, writePercent, clients));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        ctx.out().printf(Locale.ROOT, "HTTP load: GET %s%s on %s, %s, %d connections, %d%% writes, %.0f s or %d "
                + "requests after a %.0f s warm-up%n", path, revalidate ? " (revalidating with If-None-Match)" : "",
                base, rate > 0 ? String.format(Locale.ROOT, "open model at %.0f req/s", rate) : "closed loop",
                concurrency, writePercent, duration, requests, warmup);
        ctx.out().flush();
        HttpLoad.Result result = load.run(Duration.ofNanos(Math.round(warmup * 1e9)));
        HttpLoad.print(result, ctx.out());
        return result.answered() > 0 ? 0 : 1;
    }

    private HttpLoad.Options options(URI base, String secret, int writePercent, List<Long> clients) {
        return new HttpLoad.Options(base, secret, path, Duration.ofNanos(Math.round(duration * 1e9)), requests,
                concurrency, rate, writePercent, clients, seed, Duration.ofNanos(Math.round(timeout * 1e9)), revalidate);
    }

    static int percent(String value) {
        String v = value.strip();
        if (v.endsWith("%")) {
            v = v.substring(0, v.length() - 1).strip();
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0 || n > 100) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new CliException("--writes must be a percentage from 0 to 100, e.g. 10 or 10%: " + value);
        }
    }
}
