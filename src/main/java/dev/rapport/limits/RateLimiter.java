package dev.rapport.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket per client key, in this instance's memory (each instance of a cluster limits on
 * its own). At most {@code maxClients} buckets are kept: a bucket idle long enough to have refilled
 * completely is dropped without losing anything (a new one starts full); if that is not enough, the
 * longest-idle ones go.
 * <p>
 * Time is a monotonic {@link TimeMeter} (System.nanoTime by default), not the application's
 * {@code Clock}: a rate is about elapsed time, and wall clocks jump (NTP, or tests that set the date).
 */
class RateLimiter {
    private final Limit limit;
    private final int maxClients;
    private final TimeMeter time;
    private final long fullRefillNanos;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();

    /** {@code capacity} requests at once, then {@code refillTokens} more every {@code refillPeriod}. */
    record Limit(long capacity, long refillTokens, Duration refillPeriod) {
        Limit {
            if (capacity < 1 || refillTokens < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
                throw new IllegalArgumentException("rate limit needs capacity, refill tokens and period above zero");
            }
        }
    }

    /** The answer for one request: let through or not, what is left, and when to try again. */
    record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
    }

    private static final class Entry {
        final Bucket bucket;
        volatile long lastUsed;

        Entry(Bucket bucket, long now) {
            this.bucket = bucket;
            this.lastUsed = now;
        }
    }

    /** A snapshot of an entry's last use, so sorting sees fixed values while requests go on. */
    private record Aged(String key, Entry entry, long lastUsed) {
    }

    RateLimiter(Limit limit, int maxClients, TimeMeter time) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be above zero");
        }
        this.limit = limit;
        this.maxClients = maxClients;
        this.time = time;
        long periods = (limit.capacity() + limit.refillTokens() - 1) / limit.refillTokens();
        this.fullRefillNanos = limit.refillPeriod().toNanos() * periods;
    }

    Decision tryConsume(String key) {
        long now = time.currentTimeNanos();
        Entry entry = buckets.computeIfAbsent(key, k -> new Entry(newBucket(), now));
        entry.lastUsed = now;
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        if (buckets.size() > maxClients) {
            evict();
        }
        long retryAfter = probe.isConsumed() ? 0
                : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), limit.capacity(), probe.getRemainingTokens(), retryAfter);
    }

    int size() {
        return buckets.size();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(b -> b.capacity(limit.capacity()).refillGreedy(limit.refillTokens(), limit.refillPeriod()))
                .withCustomTimePrecision(time)
                .build();
    }

    /** One thread sweeps at a time; the others carry on (the map may briefly exceed its bound). */
    private void evict() {
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            long now = time.currentTimeNanos();
            buckets.values().removeIf(e -> now - e.lastUsed >= fullRefillNanos);
            // always leave a tenth free, so the next new clients do not sweep the whole map again at once
            int drop = buckets.size() - (maxClients - maxClients / 10);
            if (drop > 0) {
                List<Aged> byAge = new ArrayList<>(buckets.size());
                buckets.forEach((key, e) -> byAge.add(new Aged(key, e, e.lastUsed)));
                byAge.sort(Comparator.comparingLong(Aged::lastUsed));
                for (int i = 0; i < drop && i < byAge.size(); i++) {
                    buckets.remove(byAge.get(i).key(), byAge.get(i).entry());
                }
            }
        } finally {
            sweeping.unlock();
        }
    }
}
