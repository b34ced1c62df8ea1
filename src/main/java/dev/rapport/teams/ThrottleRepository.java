package dev.rapport.teams;

import java.time.Instant;
import java.util.Optional;

/** Failure counters per key, in the database so every app instance shares them. */
interface ThrottleRepository {
    record Counter(int failures, Instant windowStart, Instant blockedUntil) {
    }

    Optional<Counter> find(String key);

    void save(String key, Counter counter);

    void delete(String key);
}
