package dev.rapport.exchange;

import java.time.LocalDate;

/**
 * One all-day event of a calendar feed. Follow-ups, promises and milestone updates are calendar
 * dates in the user's zone, so they are DATE values: no time, no time zone to get wrong.
 *
 * @param uid stable across fetches while the item is the same (see CalendarEntries)
 * @param url a link to the client in Rapport, or null
 */
record CalendarEntry(String uid, LocalDate date, String summary, String description, String category, String url) {
}
