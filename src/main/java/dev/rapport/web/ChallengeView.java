package dev.rapport.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.rapport.journal.Challenge;
import dev.rapport.journal.JournalReports;

/**
 * The running (or just finished) 24-hour or working-week challenge: while it runs, today's unlogged
 * gaps; once it is over, what it found.
 */
record ChallengeView(String title, String range, boolean active, boolean upcoming, List<String> gapsToday,
                     List<String> observations, String reportUrl) {

    static ChallengeView of(JournalReports.ChallengeStatus status, LocalDate today, ZoneId zone) {
        Challenge c = status.challenge();
        boolean oneDay = c.firstDay().equals(c.lastDay());
        String title = oneDay ? "24-hour challenge" : "Working-week challenge";
        boolean upcoming = today.isBefore(c.firstDay());
        List<String> observations = status.active() || upcoming || status.report() == null ? List.of()
                : ReportView.observations(status.report());
        String url = "/journal/report?period=" + (oneDay ? "day" : "week") + "&date=" + c.firstDay();
        return new ChallengeView(title, Formats.range(c.firstDay(), c.lastDay()), status.active(), upcoming,
                status.gapsToday().stream().map(g -> g.local(zone) + " · " + Formats.minutes(g.seconds() / 60.0))
                        .toList(), observations, url);
    }
}
