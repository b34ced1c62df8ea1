package dev.rapport.attention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/**
 * The last queue computed for each member, kept while nothing it was computed from has changed:
 * the member's {@link dev.rapport.shared.QueueVersions version}, the day and zone it is for, the
 * team's policy, and the instant a recent milestone leaves its window. People open their queue
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

    private record Key(TeamId team, UserId user) {
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
