package dev.rapport.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.FilterChain;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConcurrencyLimitFilterTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRequestOverTheLimitWaitsItsBoundedTimeThenGets503WithRetryAfter() throws Exception {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, Duration.ofMillis(100));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger served = new AtomicInteger();
        FilterChain slow = (req, res) -> {
            served.incrementAndGet();
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread first = new Thread(() -> {
            try {
                filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/queue"), new MockHttpServletResponse(),
                        slow);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(filter.inFlight()).isEqualTo(1);

        MockHttpServletResponse refused = new MockHttpServletResponse();
        long t0 = System.nanoTime();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/queue"), refused, (req, res) -> served.incrementAndGet());
        long waitedMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(waitedMillis).as("waited for a slot, but not for ever").isBetween(90L, 5_000L);
        assertThat(served.get()).as("the refused request never reached the application").isEqualTo(1);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("title").asString()).isEqualTo("Service Unavailable");
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("detail").asString()).contains("busy").contains("1 API requests in progress");

        release.countDown();
        first.join(10_000);
        assertThat(filter.inFlight()).as("the permit is given back").isZero();
        MockHttpServletResponse ok = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/queue"), ok, (req, res) -> served.incrementAndGet());
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(served.get()).isEqualTo(2);
    }

    @Test
    void aWaitingRequestGetsTheSlotWhenItFreesInTime() throws Exception {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, Duration.ofSeconds(10));
        CountDownLatch inside = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            try {
                filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/queue"), new MockHttpServletResponse(),
                        (req, res) -> {
                            inside.countDown();
                            try {
                                Thread.sleep(200);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        MockHttpServletResponse second = new MockHttpServletResponse();
        AtomicInteger served = new AtomicInteger();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/queue"), second,
                (req, res) -> served.incrementAndGet());
        first.join(10_000);
        assertThat(served.get()).isEqualTo(1);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(filter.inFlight()).isZero();
    }

    @Test
    void thePermitIsGivenBackWhenTheApplicationThrows() {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(2, Duration.ZERO);
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/queue"),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("boom");
                })).hasMessage("boom");
        assertThat(filter.inFlight()).isZero();
    }

    @Test
    void theLimitMustAdmitSomething() {
        assertThatThrownBy(() -> new ConcurrencyLimitFilter(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConcurrencyLimitFilter(1, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
