package dev.rapport.attention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/**
 * The last queue computed for each member, kept while nothing it was computed from has changed:
 * the member's {@link dev.rapport.shared.QueueVersions version}, the day and zone it is for, the
 * team's policy, and for {@link #MAX_AGE} at most. People open their queue
 * many times a day and it changes a few times; a hit costs one indexed read instead of five queries
 * over the member's book.
 */
final class QueueCache {
    /**
     * A safety net, not the mechanism: a write made around the application (SQL by hand) is seen
     * within this time even though it changed no version.
     */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Queue entries held in all (about 300 bytes each), so a brokerage's books fit in tens of MB. */
    private static final long MAX_ENTRIES = 200_000;

    private final Cache<Key, Cached> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_ENTRIES)
            .weigher((Key k, Cached c) -> c.queue().entries().size() + 1)
            .expireAfterWrite(MAX_AGE)
            .build();

    /**
     * Lock stripes for recomputing a member's queue: after a write, the member's concurrent readers
     * wait for one computation instead of all running it (at 1,000 reads/s and 100 writes/s on one
     * member, the stampede took ten times the CPU the machine had).
     */
    private static final int STRIPES = 256;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    QueueCache() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    private record Key(TeamId team, UserId user) {
    }

    /** Runs the work while no other thread recomputes this member's queue (nor one sharing its stripe). */
    <T> T exclusive(TeamId team, UserId user, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(new Key(team, user).hashCode() * 0x9E3779B9, STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** A computed queue and what it is valid for. */
    record Cached(long version, LocalDate day, ZoneId zone, AttentionPolicy policy, Instant validUntil,
                  AttentionService.Queue queue) {
        boolean answers(long version, LocalDate day, ZoneId zone, AttentionPolicy policy, Instant now) {
            return this.version == version && this.day.equals(day) && this.zone.equals(zone)
                    && this.policy.equals(policy) && now.isBefore(validUntil);
        }
    }

    /** The member's cached queue if it still answers for these inputs, else null. */
    AttentionService.Queue get(TeamId team, UserId user, long version, LocalDate day, ZoneId zone,
                               AttentionPolicy policy, Instant now) {
        Cached cached = cache.getIfPresent(new Key(team, user));
        return cached != null && cached.answers(version, day, zone, policy, now) ? cached.queue() : null;
    }

    void put(TeamId team, UserId user, Cached cached) {
        cache.put(new Key(team, user), cached);
    }
}
