package dev.rapport.limits;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bounds the API requests a server works on at once, whoever sends them: at most {@code maxInFlight}
 * run; a request over it waits (first come, first served) up to {@code maxWait} for one to finish,
 * then gets 503 with {@code Retry-After: 1}. So an overload is shed at the door in bounded time
 * instead of piling up in Tomcat's threads and the database pool. Registered for {@code /api/*}
 * only: the health probes, web pages and static files are never refused by it.
 */
class ConcurrencyLimitFilter extends OncePerRequestFilter {
    static final String RETRY_AFTER_SECONDS = "1";

    private final int maxInFlight;
    private final long maxWaitNanos;
    private final Semaphore permits;

    ConcurrencyLimitFilter(int maxInFlight, Duration maxWait) {
        if (maxInFlight < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("the concurrency limit needs at least 1 request and a wait of 0 or more");
        }
        this.maxInFlight = maxInFlight;
        this.maxWaitNanos = maxWait.toNanos();
        this.permits = new Semaphore(maxInFlight, true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "the server is busy (" + maxInFlight + " API requests in progress); try again in "
                            + RETRY_AFTER_SECONDS + " s");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    /** Requests running now (for tests). */
    int inFlight() {
        return maxInFlight - permits.availablePermits();
    }
}
