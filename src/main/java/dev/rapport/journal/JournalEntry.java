package dev.rapport.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.UserId;

/**
 * One logged stretch of time. A timed entry has a span; a duration-only entry has just a day and
 * minutes (it covers no touch and sits nowhere in the day).
 */
public record JournalEntry(long id, UserId userId, String category, TimeSpan span, LocalDate day, int minutes,
                           ClientId clientId, String note, List<String> tags, boolean contributes,
                           Instant createdAt) {
    public JournalEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean timed() {
        return span != null;
    }
}
