package dev.rapport.relationships;

import java.time.Instant;

/** How strong a top relationship feels now and should be, 1-10 (seed 002's exercise). */
public record Rating(int now, int target, String note, Instant ratedAt) {
    public int gap() {
        return target - now;
    }
}
