package dev.rapport.bench;

import static dev.rapport.shared.Sql.ts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.rapport.journal.Category;
import dev.rapport.journal.DayTally;
import dev.rapport.journal.JournalEntry;
import dev.rapport.journal.TimeSpan;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/**
 * Bulk-loads realistic journal data with batched inserts, keeping the daily rollup exactly as the
 * service computes it (DayTally), and offers the naive baseline query over the raw entries.
 */
@Repository
class JdbcBenchData {
    private static final String[] PLAN = {"email", "errands", "phone", "client_interaction", "web", "email",
        "internal_admin", "errands", "misc", "firefighting", "email", "phone", "web", "errands", "email", "misc",
        "client_interaction", "phone", "email", "internal_admin"};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcBenchData(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** About 20 timed entries per day for each day in [first, last]; returns how many were written. */
    int loadJournal(TeamId team, UserId user, LocalDate first, LocalDate last, ZoneId zone, Random r) {
        List<Object[]> entries = new ArrayList<>();
        List<Object[]> rollup = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            List<JournalEntry> dayEntries = new ArrayList<>();
            LocalDateTime t = day.atTime(7, r.nextInt(60));
            for (String category : PLAN) {
                LocalDateTime end = t.plusMinutes(10 + r.nextInt(30));
                TimeSpan span = new TimeSpan(t.atZone(zone).toInstant(), end.atZone(zone).toInstant());
                boolean contributes = category.equals("client_interaction");
                dayEntries.add(new JournalEntry(0, user, category, span, day, (int) (span.seconds() / 60), null,
                        null, List.of(), contributes, null));
                entries.add(new Object[] {team.value(), user.value(), category, ts(span.start()), ts(span.end()), day,
                    (int) (span.seconds() / 60), contributes, ts(span.start()), ts(span.start())});
                t = end.plusMinutes(r.nextInt(8));
            }
            DayTally tally = DayTally.of(day, zone, dayEntries, List.of());
            LocalDate d = day;
            tally.seconds().forEach((category, seconds) -> rollup.add(new Object[] {team.value(), user.value(), d,
                category, category.equals("client_interaction") ? "external_connection"
                    : category.equals("firefighting") ? "firefighting" : "internal", seconds,
                tally.contributes().getOrDefault(category, 0L)}));
        }
        template.batchUpdate("""
                INSERT INTO journal_entry (team_id, user_id, category, start_at, end_at, local_day, minutes,
                    contributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, entries);
        template.batchUpdate("""
                INSERT INTO journal_day (team_id, user_id, local_day, category, category_class, seconds,
                    contributes_seconds) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, rollup);
        return entries.size();
    }

    /** The naive way: read every raw entry of the period and tally each day in Java. */
    long naiveLoggedSeconds(TeamId team, UserId user, LocalDate first, LocalDate last, ZoneId zone) {
        List<JournalEntry> entries = jdbc.sql("""
                SELECT category, start_at, end_at, local_day, minutes, contributes FROM journal_entry
                WHERE team_id = ? AND user_id = ? AND local_day BETWEEN ? AND ?
                """).params(team.value(), user.value(), first, last)
                .query((rs, n) -> new JournalEntry(0, user, rs.getString("category"),
                        new TimeSpan(dev.rapport.shared.Sql.instant(rs, "start_at"),
                                dev.rapport.shared.Sql.instant(rs, "end_at")),
                        rs.getObject("local_day", LocalDate.class), rs.getInt("minutes"), null, null, List.of(),
                        rs.getBoolean("contributes"), null))
                .list();
        long total = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate d = day;
            total += DayTally.of(day, zone, entries.stream().filter(e -> e.day().equals(d)).toList(), List.of())
                    .loggedSeconds();
        }
        return total;
    }

    /** The naive team view: the obvious aggregate over the raw entries per user and category. */
    int naiveTeamRows(TeamId team, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                SELECT user_id, category, SUM(minutes) AS m FROM journal_entry
                WHERE team_id = ? AND local_day BETWEEN ? AND ? GROUP BY user_id, category
                """).params(team.value(), first, last).query((rs, n) -> rs.getLong("m")).list().size();
    }

    static List<Category> categories() {
        return Category.defaults();
    }
}
