package dev.rapport.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP load generator for a running Rapport server on this machine (loopback addresses only, and
 * bounded in time and requests: a measuring tool, not a flood). A fixed pool of {@code concurrency}
 * threads sends requests with an API token. With a rate, arrivals follow a fixed schedule (request
 * {@code i} is due at {@code start + i / rate}) whatever the server does, and each latency counts from
 * the request's scheduled time, so a stalled server shows up in the percentiles instead of slowing
 * the senders down (no coordinated omission); requests still not sent when the time is up are
 * reported as not sent. Without a rate (0) each thread sends its next request as soon as it has the
 * answer to the previous one (closed loop). A share of the requests can be writes: touches recorded
 * on the team's clients, whose acknowledged ids are kept so a drill can check them in the database.
 */
public final class HttpLoad {
    public static final Duration MAX_DURATION = Duration.ofSeconds(600);
    public static final long MAX_REQUESTS = 10_000_000;
    public static final int MAX_CONCURRENCY = 512;
    public static final double MAX_RATE = 50_000;
    public static final String QUEUE_PATH = "/api/v1/queue";
    private static final String[] CHANNELS = {"email", "phone", "video", "text", "face_to_face", "chat"};
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * One run: where, with which token, what to read, for how long and how many requests at most,
     * with how many connections, at which rate (0: closed loop), which share of writes (percent) on
     * which clients, the seed of the read/write choice, how long one answer may take, and whether each
     * sender revalidates like a polling client with a cache (sends back the ETag of its last 200 in
     * If-None-Match, so unchanged answers come back as 304 without a body).
     */
    public record Options(URI base, String token, String path, Duration duration, long maxRequests, int concurrency,
                          double rate, int writePercent, List<Long> writeClients, long seed, Duration timeout,
                          boolean revalidate) {
        public Options(URI base, String token, String path, Duration duration, long maxRequests, int concurrency,
                       double rate, int writePercent, List<Long> writeClients, long seed, Duration timeout) {
            this(base, token, path, duration, maxRequests, concurrency, rate, writePercent, writeClients, seed, timeout,
                    false);
        }

        public Options {
            base = loopback(base.toString());
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("an API token is needed (--token or RAPPORT_TOKEN)");
            }
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("the path must start with /: " + path);
            }
            if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("the duration must be above 0 and at most "
                        + MAX_DURATION.toSeconds() + " s");
            }
            if (maxRequests < 1 || maxRequests > MAX_REQUESTS) {
                throw new IllegalArgumentException("the number of requests must be 1 to " + MAX_REQUESTS);
            }
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw new IllegalArgumentException("the concurrency must be 1 to " + MAX_CONCURRENCY);
            }
            if (!(rate >= 0 && rate <= MAX_RATE)) {
                throw new IllegalArgumentException("the rate must be 0 (closed loop) to " + (long) MAX_RATE + " req/s");
            }
            if (writePercent < 0 || writePercent > 100) {
                throw new IllegalArgumentException("the share of writes must be 0 to 100%");
            }
            if (writePercent > 0 && (writeClients == null || writeClients.isEmpty())) {
                throw new IllegalArgumentException("writes need at least one client to record touches on");
            }
            writeClients = writeClients == null ? List.of() : List.copyOf(writeClients);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the request timeout must be above 0");
            }
        }

        boolean open() {
            return rate > 0;
        }
    }

    /**
     * What a run saw. latencies: of every answered request, sorted, in nanoseconds; notSent: requests
     * the schedule held that were not sent in time (open model only); errors: requests without an
     * answer, by kind; acknowledgedTouches: ids of touches answered 2xx.
     */
    public record Result(long answered, long notSent, double seconds, SortedMap<Integer, Long> statuses,
                         SortedMap<String, Long> errors, long[] latencies, List<Long> acknowledgedTouches,
                         long refusalsWithoutRetryAfter, String firstUnexpected) {
        public long failed() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(int fromStatus, int toStatus) {
            return statuses.subMap(fromStatus, toStatus + 1).values().stream().mapToLong(Long::longValue).sum();
        }

        /** 2xx, and 304 (a revalidated answer that did not change). */
        public long successes() {
            return count(200, 299) + count(304, 304);
        }

        /** Answered requests per second over the run. */
        public double throughput() {
            return perSecond(answered, seconds);
        }

        public long percentileNanos(double p) {
            return percentile(latencies, p);
        }

        public long maxNanos() {
            return latencies.length == 0 ? 0 : latencies[latencies.length - 1];
        }

        /** Every request had an answer, each 2xx, or 429 or 503 with a Retry-After. */
        public boolean onlyExpectedAnswers() {
            return failed() == 0 && refusalsWithoutRetryAfter == 0
                    && answered == successes() + count(429, 429) + count(503, 503);
        }
    }

    private final Options options;

    public HttpLoad(Options options) {
        this.options = options;
    }

    /** An answer: its status, the headers a sender needs, and the body only where it is read. */
    private record Answer(int status, String etag, boolean retryAfter, String body) {
    }

    /**
     * A blocking client with a connection for each sender (Apache HttpClient, classic): a request runs on
     * its sender's thread. The JDK's HttpClient handed each request between threads and cost the
     * generator more CPU than the server spent answering, on the same cores.
     */
    private CloseableHttpClient client() {
        int connections = options.concurrency();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(2))
                                .setSocketTimeout(Timeout.of(options.timeout())).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(options.timeout()))
                        .setRedirectsEnabled(false).build())
                .disableAutomaticRetries().disableCookieManagement().disableContentCompression()
                .build();
    }

    /**
     * Sends a request and reads its answer. A successful read's body is drained, not decoded: a 60 KB
     * queue decoded 1,000 times a second costs as much CPU as the server spends answering it.
     */
    private static Answer send(CloseableHttpClient http, ClassicHttpRequest request, boolean decodeSuccess)
            throws IOException {
        return http.execute(request, response -> {
            int status = response.getCode();
            Header etag = response.getFirstHeader("ETag");
            boolean retryAfter = response.getFirstHeader("Retry-After") != null;
            boolean decode = decodeSuccess || (status / 100 != 2 && status != 304);
            String body = "";
            if (response.getEntity() != null) {
                if (decode) {
                    body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                } else {
                    EntityUtils.consume(response.getEntity());
                }
            }
            return new Answer(status, etag == null ? null : etag.getValue(), retryAfter, body);
        });
    }

    /**
     * The URL parsed, if it is http(s) to an address of this machine (every address its host name
     * resolves to is a loopback address); otherwise IllegalArgumentException saying why.
     */
    public static URI loopback(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the URL must be http:// or https://: " + url);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the URL has no host: " + url);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host);
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("load is only sent to this machine (a loopback address such as "
                        + "127.0.0.1, ::1 or localhost), not to " + host + " (" + address.getHostAddress() + ")");
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        // the address just checked, not the name: a name resolved again later could point elsewhere
        InetAddress first = addresses[0];
        String literal = first instanceof java.net.Inet6Address ? "[" + first.getHostAddress() + "]"
                : first.getHostAddress();
        return URI.create(scheme + "://" + literal + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
    }

    /** When request {@code index} (from 0) is due, at {@code rate} per second from {@code startNanos}. */
    static long scheduledNanos(long startNanos, long index, double rate) {
        return startNanos + (long) Math.floor(index * 1e9 / rate);
    }

    /** How many requests a rate schedules in a duration, capped at the maximum. */
    static long planned(double rate, Duration duration, long maxRequests) {
        return Math.min(maxRequests, (long) Math.ceil(rate * duration.toNanos() / 1e9));
    }

    /** The nearest-rank percentile (0 < p <= 100) of sorted values; 0 for none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    static double perSecond(long count, double seconds) {
        return seconds <= 0 ? 0 : count / seconds;
    }

    /** The ids of up to 50 of the token's clients (for writes). */
    public List<Long> clients() throws IOException {
        Answer r;
        try (CloseableHttpClient http = client()) {
            r = send(http, request(ClassicRequestBuilder.get(), "/api/v1/clients?limit=50").build(), true);
        }
        if (r.status() != 200) {
            throw new IOException("GET /api/v1/clients answered " + r.status() + ": " + abbreviate(r.body()));
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : JSON.readTree(r.body()).get("items")) {
            ids.add(item.get("id").asLong());
        }
        return ids;
    }

    public Result run() throws InterruptedException {
        return run(Duration.ZERO);
    }

    /**
     * A run after a warm-up: the same load (same rate, mix and connections) for {@code warmup} first, not
     * counted, so the generator's own JIT and connection set-up do not land in the measured percentiles.
     * Touches acknowledged during the warm-up are still reported: they are in the database.
     */
    public Result run(Duration warmup) throws InterruptedException {
        if (warmup.isNegative() || warmup.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("the warm-up must be 0 to " + MAX_DURATION.toSeconds() + " s");
        }
        ConcurrentLinkedQueue<Long> touches = new ConcurrentLinkedQueue<>();
        try (CloseableHttpClient http = client()) {
            if (!warmup.isZero()) {
                phase(http, warmup, options.seed() ^ 0x5DEECE66DL, touches);
            }
            return phase(http, options.duration(), options.seed(), touches);
        } catch (IOException e) {
            throw new UncheckedIOException("closing the HTTP client", e);
        }
    }

    private Result phase(CloseableHttpClient http, Duration duration, long seed, ConcurrentLinkedQueue<Long> touches)
            throws InterruptedException {
        int threads = options.concurrency();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicReference<String> firstUnexpected = new AtomicReference<>();
        AtomicLong next = new AtomicLong();
        LongAdder noRetryAfter = new LongAdder();
        List<long[]> perThread = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "http-load");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime() + 50_000_000L;
        long end = start + duration.toNanos();
        for (int w = 0; w < threads; w++) {
            Random random = new Random(seed * 1_000_003L + w);
            pool.execute(() -> {
                Latencies own = new Latencies();
                try {
                    work(http, next, start, end, random, own, statuses, errors, touches, noRetryAfter,
                            firstUnexpected);
                } finally {
                    perThread.add(own.sorted());
                }
            });
        }
        pool.shutdown();
        long bound = duration.toNanos() + options.timeout().toNanos() * 2 + TimeUnit.SECONDS.toNanos(10);
        if (!pool.awaitTermination(bound, TimeUnit.NANOSECONDS)) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        double seconds = (Math.max(System.nanoTime(), start) - start) / 1e9;
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long failed = errors.values().stream().mapToLong(LongAdder::sum).sum();
        long notSent = options.open()
                ? Math.max(0, planned(options.rate(), duration, options.maxRequests()) - all.length - failed)
                : 0;
        SortedMap<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((k, v) -> byStatus.put(k, v.sum()));
        SortedMap<String, Long> byError = new TreeMap<>();
        errors.forEach((k, v) -> byError.put(k, v.sum()));
        return new Result(all.length, notSent, seconds, byStatus, byError, all, List.copyOf(touches),
                noRetryAfter.sum(), firstUnexpected.get());
    }

    private void work(CloseableHttpClient http, AtomicLong next, long start, long end, Random random,
                      Latencies latencies, Map<Integer, LongAdder> statuses, Map<String, LongAdder> errors,
                      ConcurrentLinkedQueue<Long> touches, LongAdder noRetryAfter,
                      AtomicReference<String> firstUnexpected) {
        String etag = null;
        while (!Thread.currentThread().isInterrupted()) {
            long i = next.getAndIncrement();
            if (i >= options.maxRequests()) {
                return;
            }
            long scheduled;
            if (options.open()) {
                scheduled = scheduledNanos(start, i, options.rate());
                if (scheduled - end >= 0) {
                    return;
                }
                long wait;
                while ((wait = scheduled - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (System.nanoTime() - end >= 0) {
                    // the senders fell behind the schedule: the rest is reported as not sent
                    return;
                }
            } else {
                scheduled = Math.max(System.nanoTime(), start);
                long wait = start - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (System.nanoTime() - end >= 0) {
                    return;
                }
            }
            boolean write = options.writePercent() > 0 && random.nextInt(100) < options.writePercent();
            try {
                Answer r;
                if (write) {
                    long client = options.writeClients().get(random.nextInt(options.writeClients().size()));
                    boolean inbound = random.nextInt(3) == 0;
                    String body = String.format(Locale.ROOT,
                            "{\"channel\":\"%s\",\"direction\":\"%s\",\"updateRequest\":%b,\"note\":\"load\"}",
                            CHANNELS[random.nextInt(CHANNELS.length)], inbound ? "inbound" : "outbound",
                            inbound && random.nextBoolean());
                    r = send(http, request(ClassicRequestBuilder.post(), "/api/v1/clients/" + client + "/touches")
                            .setEntity(body, ContentType.APPLICATION_JSON).build(), true);
                    latencies.add(System.nanoTime() - scheduled);
                    if (r.status() / 100 == 2) {
                        JsonNode id = JSON.readTree(r.body()).get("id");
                        if (id != null && id.canConvertToLong()) {
                            touches.add(id.asLong());
                        }
                    } else if (r.status() != 429 && r.status() != 503) {
                        firstUnexpected.compareAndSet(null, "POST touches answered " + r.status() + ": "
                                + abbreviate(r.body()));
                    }
                } else {
                    ClassicRequestBuilder get = request(ClassicRequestBuilder.get(), options.path());
                    if (options.revalidate() && etag != null) {
                        get.addHeader("If-None-Match", etag);
                    }
                    r = send(http, get.build(), false);
                    latencies.add(System.nanoTime() - scheduled);
                    if (r.status() == 200) {
                        etag = r.etag();
                    }
                    if (r.status() / 100 != 2 && r.status() != 304 && r.status() != 429 && r.status() != 503) {
                        firstUnexpected.compareAndSet(null, "GET " + options.path() + " answered " + r.status()
                                + ": " + abbreviate(r.body()));
                    }
                }
                statuses.computeIfAbsent(r.status(), k -> new LongAdder()).increment();
                if ((r.status() == 429 || r.status() == 503) && !r.retryAfter()) {
                    noRetryAfter.increment();
                }
            } catch (IOException | RuntimeException e) {
                errors.computeIfAbsent(errorKind(e), k -> new LongAdder()).increment();
                firstUnexpected.compareAndSet(null, (write ? "POST touches" : "GET " + options.path()) + " failed: "
                        + e);
            }
        }
    }

    static String errorKind(Exception e) {
        if (e instanceof ConnectTimeoutException) {
            return "connect timeout";
        }
        if (e instanceof SocketTimeoutException) {
            return "timeout";
        }
        if (e instanceof NoHttpResponseException) {
            return "connection closed";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("reset")) {
            return "connection reset";
        }
        if (message.contains("closed") || message.contains("eof")) {
            return "connection closed";
        }
        return e.getClass().getSimpleName();
    }

    private ClassicRequestBuilder request(ClassicRequestBuilder builder, String path) {
        return builder.setUri(URI.create(options.base() + path))
                .addHeader("Authorization", "Bearer " + options.token());
    }

    private static String abbreviate(String body) {
        return body.substring(0, Math.min(300, body.length()));
    }

    /** Prints the figures, one per line, in a shape scripts and tests can read. */
    public static void print(Result r, PrintWriter out) {
        out.printf(Locale.ROOT, "requests: %d answered, %d failed, %d not sent in time%n", r.answered(), r.failed(),
                r.notSent());
        out.printf(Locale.ROOT, "throughput: %.1f req/s answered, %.1f req/s 2xx or 304, over %.2f s%n", r.throughput(),
                perSecond(r.successes(), r.seconds()), r.seconds());
        out.printf(Locale.ROOT, "latency ms: p50 %.2f p95 %.2f p99 %.2f max %.2f%n", r.percentileNanos(50) / 1e6,
                r.percentileNanos(95) / 1e6, r.percentileNanos(99) / 1e6, r.maxNanos() / 1e6);
        r.statuses().forEach((status, n) -> out.printf(Locale.ROOT, "status %d: %d%n", status, n));
        if (r.errors().isEmpty()) {
            out.println("errors: none");
        }
        r.errors().forEach((kind, n) -> out.printf(Locale.ROOT, "error %s: %d%n", kind, n));
        if (r.refusalsWithoutRetryAfter() > 0) {
            out.printf(Locale.ROOT, "429/503 without Retry-After: %d%n", r.refusalsWithoutRetryAfter());
        }
        if (!r.acknowledgedTouches().isEmpty()) {
            out.printf(Locale.ROOT, "touches acknowledged: %d%n", r.acknowledgedTouches().size());
        }
        if (r.firstUnexpected() != null) {
            out.println("first unexpected answer: " + r.firstUnexpected());
        }
        out.println("machine: " + BenchMachine.load() + " (at the end; the server shares the machine)");
        out.flush();
    }

    /** A growable array of one thread's latencies. */
    private static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
