package dev.rapport.journal;

import java.time.LocalDate;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/**
 * Published in the writing transaction each time a user's day was tallied into journal_day (an
 * entry added, changed or deleted, or touch time recorded): the day's totals, for read models that
 * keep their own per-day sums. day is the user's local day, as in journal_day.
 */
public record JournalDayTallied(TeamId teamId, UserId userId, LocalDate day, long loggedSeconds,
                                long externalSeconds, long contributesSeconds) {
}
