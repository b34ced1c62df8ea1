package dev.rapport.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.rapport.journal.Category;
import dev.rapport.journal.DayTally;
import dev.rapport.journal.JournalEntry;
import dev.rapport.journal.JournalReports;
import dev.rapport.journal.TimeSpan;
import dev.rapport.shared.ClientId;

/**
 * One day of the journal as the page shows it: the timeline in the user's zone, minutes by category
 * (touch time with clients included, as the challenge counts it) and the unlogged gaps.
 */
record JournalDayView(String date, String label, String previous, String next, boolean today, List<EntryRow> timed,
                      List<EntryRow> untimed, List<CategoryRow> categories, String logged, String untracked,
                      String dayLength, String touchMinutes, List<String> gaps) {

    record EntryRow(long id, String time, String category, String categoryCode, String minutes, String note,
                    Long clientId, String client) {
    }

    /** share is of the day's logged time, for a meter (machine formatted). */
    record CategoryRow(String code, String label, String minutes, double share) {
    }

    static JournalDayView of(JournalReports.DayView day, LocalDate today, ZoneId zone, List<Category> categories,
                             Function<ClientId, String> clientName) {
        Map<String, String> labels = new LinkedHashMap<>();
        categories.forEach(c -> labels.put(c.code(), c.label()));
        List<EntryRow> timed = new ArrayList<>();
        List<EntryRow> untimed = new ArrayList<>();
        for (JournalEntry e : day.entries()) {
            EntryRow row = new EntryRow(e.id(), e.timed() ? time(e.span(), day.date(), zone) : null,
                    labels.getOrDefault(e.category(), e.category()), e.category(), Formats.minutes(e.minutes()),
                    e.note(), e.clientId() == null ? null : e.clientId().value(),
                    e.clientId() == null ? null : clientName.apply(e.clientId()));
            (e.timed() ? timed : untimed).add(row);
        }
        DayTally tally = day.tally();
        long logged = tally.loggedSeconds();
        List<CategoryRow> rows = new ArrayList<>();
        for (String code : ordered(labels.keySet(), tally.seconds().keySet())) {
            long seconds = tally.seconds().getOrDefault(code, 0L);
            rows.add(new CategoryRow(code, labels.getOrDefault(code, code), Formats.minutes(seconds / 60.0),
                    logged == 0 ? 0 : 100.0 * seconds / logged));
        }
        long touch = touchSeconds(day, zone);
        return new JournalDayView(day.date().toString(), Formats.longDay(day.date()), day.date().minusDays(1).toString(),
                day.date().plusDays(1).toString(), day.date().equals(today), timed, untimed, rows,
                Formats.minutes(logged / 60.0),
                Formats.minutes(Math.max(0, tally.dayLengthSeconds() - logged) / 60.0),
                Formats.minutes(tally.dayLengthSeconds() / 60.0), touch == 0 ? null : Formats.minutes(touch / 60.0),
                day.gaps().stream().map(g -> g.local(zone) + " · " + Formats.minutes(g.seconds() / 60.0)).toList());
    }

    /** The categories with time, in the team's order; codes the team no longer has come last. */
    private static List<String> ordered(Iterable<String> known, java.util.Set<String> used) {
        List<String> codes = new ArrayList<>();
        known.forEach(c -> {
            if (used.contains(c)) {
                codes.add(c);
            }
        });
        used.stream().filter(c -> !codes.contains(c)).sorted().forEach(codes::add);
        return codes;
    }

    /** "09:00–09:45"; an entry reaching into another day says which. */
    private static String time(TimeSpan span, LocalDate day, ZoneId zone) {
        LocalDate starts = span.start().atZone(zone).toLocalDate();
        LocalDate ends = span.end().minusNanos(1).atZone(zone).toLocalDate();
        String text = Formats.time(span.start(), zone) + "–" + Formats.time(span.end(), zone);
        if (!starts.equals(day)) {
            return text + " (from " + Formats.shortDay(starts) + ")";
        }
        return ends.equals(day) ? text : text + " (to " + Formats.shortDay(ends) + ")";
    }

    /** Client-interaction time that comes from touches no entry covers: the tally's part beyond the entries'. */
    private static long touchSeconds(JournalReports.DayView day, ZoneId zone) {
        TimeSpan window = DayTally.window(day.date(), zone);
        long entries = 0;
        for (JournalEntry e : day.entries()) {
            if (!e.category().equals(Category.CLIENT_INTERACTION)) {
                continue;
            }
            if (e.timed()) {
                TimeSpan inDay = e.span().clip(window);
                entries += inDay == null ? 0 : inDay.seconds();
            } else if (e.day().equals(day.date())) {
                entries += e.minutes() * 60L;
            }
        }
        return Math.max(0, day.tally().seconds().getOrDefault(Category.CLIENT_INTERACTION, 0L) - entries);
    }
}
