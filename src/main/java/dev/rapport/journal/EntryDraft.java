package dev.rapport.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.rapport.shared.ClientId;

/**
 * An entry as submitted: either start and end (a timed entry), start and minutes (timed, ends
 * minutes later), or day and minutes (duration-only). contributes defaults by category class.
 */
public record EntryDraft(Instant start, Instant end, LocalDate day, Integer minutes, String category,
                         ClientId clientId, String note, List<String> tags, Boolean contributes) {
    public EntryDraft {
        start = start == null ? null : start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        end = end == null ? null : end.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        tags = tags == null ? List.of()
                : tags.stream().filter(t -> t != null && !t.isBlank()).map(t -> t.strip()
                        .toLowerCase(java.util.Locale.ROOT)).distinct().sorted().toList();
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
