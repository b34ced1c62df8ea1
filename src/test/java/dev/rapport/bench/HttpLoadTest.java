package dev.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

/** The arithmetic of `bench load` and its refusal to send load anywhere but this machine. */
class HttpLoadTest {

    @Test
    void percentilesAreNearestRank() {
        long[] hundred = LongStream.rangeClosed(1, 100).toArray();
        assertThat(HttpLoad.percentile(hundred, 50)).isEqualTo(50);
        assertThat(HttpLoad.percentile(hundred, 95)).isEqualTo(95);
        assertThat(HttpLoad.percentile(hundred, 99)).isEqualTo(99);
        assertThat(HttpLoad.percentile(hundred, 100)).isEqualTo(100);
        assertThat(HttpLoad.percentile(hundred, 0.001)).as("the smallest rank is 1").isEqualTo(1);
        long[] ten = LongStream.rangeClosed(1, 10).map(i -> i * 1_000_000).toArray();
        assertThat(HttpLoad.percentile(ten, 99)).as("p99 of 10 values is the largest").isEqualTo(10_000_000);
        assertThat(HttpLoad.percentile(ten, 50)).isEqualTo(5_000_000);
        assertThat(HttpLoad.percentile(ten, 51)).isEqualTo(6_000_000);
        assertThat(HttpLoad.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(HttpLoad.percentile(new long[0], 99)).isZero();
    }

    @Test
    void theScheduleSpacesRequestsEvenlyAtTheRate() {
        long start = 5_000_000_000L;
        assertThat(HttpLoad.scheduledNanos(start, 0, 1000)).isEqualTo(start);
        assertThat(HttpLoad.scheduledNanos(start, 1, 1000)).isEqualTo(start + 1_000_000);
        assertThat(HttpLoad.scheduledNanos(start, 1500, 1000)).isEqualTo(start + 1_500_000_000L);
        assertThat(HttpLoad.scheduledNanos(start, 3, 3)).isEqualTo(start + 1_000_000_000L);
        assertThat(HttpLoad.scheduledNanos(start, 1, 3)).isEqualTo(start + 333_333_333L);
        // a million requests at 250/s are spread over 4,000 s without drift
        assertThat(HttpLoad.scheduledNanos(start, 1_000_000, 250)).isEqualTo(start + 4_000_000_000_000L);
        assertThat(HttpLoad.planned(1000, Duration.ofSeconds(30), 1_000_000)).isEqualTo(30_000);
        assertThat(HttpLoad.planned(1000, Duration.ofSeconds(30), 500)).as("capped by --requests").isEqualTo(500);
        assertThat(HttpLoad.planned(2.5, Duration.ofSeconds(1), 100)).isEqualTo(3);
        assertThat(HttpLoad.perSecond(3000, 2.0)).isEqualTo(1500.0);
        assertThat(HttpLoad.perSecond(3000, 0)).isZero();
    }

    @Test
    void resultsCountStatusesAndOnlyAcceptSuccessOrRefusalWithRetryAfter() {
        TreeMap<Integer, Long> statuses = new TreeMap<>();
        statuses.put(200, 90L);
        statuses.put(201, 5L);
        statuses.put(429, 2L);
        statuses.put(503, 3L);
        long[] latencies = LongStream.rangeClosed(1, 100).map(i -> i * 100_000).toArray();
        HttpLoad.Result ok = new HttpLoad.Result(100, 0, 2.0, statuses, new TreeMap<>(), latencies, List.of(1L, 2L),
                0, null);
        assertThat(ok.successes()).isEqualTo(95);
        assertThat(ok.throughput()).isEqualTo(50.0);
        assertThat(ok.percentileNanos(99)).isEqualTo(9_900_000);
        assertThat(ok.maxNanos()).isEqualTo(10_000_000);
        assertThat(ok.onlyExpectedAnswers()).isTrue();

        TreeMap<Integer, Long> with500 = new TreeMap<>(statuses);
        with500.put(500, 1L);
        assertThat(new HttpLoad.Result(101, 0, 2.0, with500, new TreeMap<>(), latencies, List.of(), 0, null)
                .onlyExpectedAnswers()).isFalse();
        TreeMap<String, Long> reset = new TreeMap<>();
        reset.put("connection reset", 1L);
        HttpLoad.Result broken = new HttpLoad.Result(100, 0, 2.0, statuses, reset, latencies, List.of(), 0, null);
        assertThat(broken.failed()).isEqualTo(1);
        assertThat(broken.onlyExpectedAnswers()).isFalse();
        assertThat(new HttpLoad.Result(100, 0, 2.0, statuses, new TreeMap<>(), latencies, List.of(), 1, null)
                .onlyExpectedAnswers()).as("a 503 without Retry-After").isFalse();
    }

    @Test
    void errorsAreNamedByKind() {
        assertThat(HttpLoad.errorKind(new ConnectException("Connection refused"))).isEqualTo("connection refused");
        assertThat(HttpLoad.errorKind(new ConnectTimeoutException("x"))).isEqualTo("connect timeout");
        assertThat(HttpLoad.errorKind(new SocketTimeoutException("Read timed out"))).isEqualTo("timeout");
        assertThat(HttpLoad.errorKind(new IOException("Connection reset by peer"))).isEqualTo("connection reset");
        assertThat(HttpLoad.errorKind(new NoHttpResponseException("127.0.0.1:8080 failed to respond")))
                .isEqualTo("connection closed");
        assertThat(HttpLoad.errorKind(new IOException("HTTP/1.1 header parser received no bytes")))
                .isEqualTo("IOException");
    }

    @Test
    void onlyLoopbackAddressesAreAccepted() {
        assertThat(HttpLoad.loopback("http://127.0.0.1:8080")).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(HttpLoad.loopback("http://localhost:8080/")).as("the checked address, not the name")
                .isIn(URI.create("http://127.0.0.1:8080"), URI.create("http://[0:0:0:0:0:0:0:1]:8080"));
        assertThat(HttpLoad.loopback("http://[::1]:9000")).isEqualTo(URI.create("http://[0:0:0:0:0:0:0:1]:9000"));
        assertThat(HttpLoad.loopback("https://127.0.0.2")).isEqualTo(URI.create("https://127.0.0.2"));
        assertThatThrownBy(() -> HttpLoad.loopback("http://10.0.0.1:8080"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only sent to this machine")
                .hasMessageContaining("10.0.0.1");
        assertThatThrownBy(() -> HttpLoad.loopback("http://93.184.215.14/"))
                .hasMessageContaining("only sent to this machine");
        assertThatThrownBy(() -> HttpLoad.loopback("http://[2001:db8::1]:80"))
                .hasMessageContaining("only sent to this machine");
        assertThatThrownBy(() -> HttpLoad.loopback("ftp://127.0.0.1/")).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> HttpLoad.loopback("127.0.0.1:8080")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpLoad.loopback("http://no-such-host.invalid/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsAreBounded() {
        URI local = URI.create("http://127.0.0.1:8080");
        assertThatThrownBy(() -> options(local, Duration.ofSeconds(601), 10, 1, 0))
                .hasMessageContaining("at most 600 s");
        assertThatThrownBy(() -> options(local, Duration.ZERO, 10, 1, 0)).hasMessageContaining("duration");
        assertThatThrownBy(() -> options(local, Duration.ofSeconds(1), 0, 1, 0)).hasMessageContaining("requests");
        assertThatThrownBy(() -> options(local, Duration.ofSeconds(1), HttpLoad.MAX_REQUESTS + 1, 1, 0))
                .hasMessageContaining("requests");
        assertThatThrownBy(() -> options(local, Duration.ofSeconds(1), 10, 0, 0)).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> options(local, Duration.ofSeconds(1), 10, 1, -1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> options(URI.create("http://192.168.1.1"), Duration.ofSeconds(1), 10, 1, 0))
                .hasMessageContaining("only sent to this machine");
        assertThatThrownBy(() -> new HttpLoad.Options(local, "t", "/api/v1/queue", Duration.ofSeconds(1), 10, 1, 0,
                10, List.of(), 1, Duration.ofSeconds(1))).hasMessageContaining("client");
        assertThatThrownBy(() -> new HttpLoad.Options(local, " ", "/api/v1/queue", Duration.ofSeconds(1), 10, 1, 0,
                0, List.of(), 1, Duration.ofSeconds(1))).hasMessageContaining("token");
        assertThat(options(local, Duration.ofSeconds(600), HttpLoad.MAX_REQUESTS, HttpLoad.MAX_CONCURRENCY, 1000)
                .open()).isTrue();
    }

    private static HttpLoad.Options options(URI base, Duration duration, long requests, int concurrency, double rate) {
        return new HttpLoad.Options(base, "token", HttpLoad.QUEUE_PATH, duration, requests, concurrency, rate, 0,
                List.of(), 1, Duration.ofSeconds(5));
    }
}
