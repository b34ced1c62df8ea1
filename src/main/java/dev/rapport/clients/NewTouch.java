package dev.rapport.clients;

import java.time.Duration;
import java.time.Instant;

import dev.rapport.shared.Problems;

/** A touch to record; 'at' defaults to now. Automated touches (digests, bulk mail) count for nothing. */
public record NewTouch(
        Instant at,
        Channel channel,
        Direction direction,
        Integer minutes,
        String note,
        Integer rating,
        boolean updateRequest,
        boolean automated) {

    static final Duration MAX_FUTURE = Duration.ofDays(1);

    public NewTouch {
        // both databases keep microseconds: store exactly what we compare later
        at = at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        note = note == null || note.isBlank() ? null : note.strip();
    }

    void validate(Problems problems, Instant now) {
        problems.check(channel != null, "channel", "must be one of " + Channel.codes())
                .check(direction != null, "direction", "must be outbound or inbound")
                .check(minutes == null || minutes >= 0, "minutes", "must not be negative")
                .check(minutes == null || minutes <= 24 * 60, "minutes", "must be at most 1440 (one day)")
                .check(rating == null || (rating >= 1 && rating <= 5), "rating", "must be between 1 and 5")
                .check(note == null || note.length() <= 10_000, "note", "must be at most 10000 characters")
                .check(at == null || !at.isAfter(now.plus(MAX_FUTURE)), "at",
                        "must not be more than 1 day in the future")
                .check(!updateRequest || direction != Direction.OUTBOUND, "updateRequest",
                        "only an inbound touch can be a client's request for an update");
    }
}
