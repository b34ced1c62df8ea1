package dev.rapport.teams;

import java.time.Instant;
import java.util.Optional;

/** Failure counters per key, in the database so every app instance shares them. */
interface ThrottleRepository {
    record Counter(int failures, Instant windowStart, Instant blockedUntil) {
    }

    Optional<Counter> find(String key);

    /**
     * Adds one failure in one atomic step, so failures arriving at once (many connections, several
     * instances) all count; a window that started at or before {@code staleBefore} is over, and
     * the failure opens a new one at {@code now}.
     *
     * @return the counter with this failure
     */
    Counter addFailure(String key, Instant now, Instant staleBefore);

    /** Blocks the key until the given time, if its window is still the one that started at {@code windowStart}. */
    void block(String key, Instant windowStart, Instant until);

    void delete(String key);
}
