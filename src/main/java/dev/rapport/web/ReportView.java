package dev.rapport.web;

import java.util.ArrayList;
import java.util.List;

import dev.rapport.journal.CategoryClass;
import dev.rapport.journal.ChallengeReport;

/**
 * The 24-hour challenge report for the page: categories next to the published benchmark (also the
 * chart's data, in machine-formatted data attributes), the three classes, the headline shares, the
 * weekly trend and the observations.
 */
record ReportView(String logged, String untracked, String untrackedWorking, String customerFacing,
                  boolean customerFacingBelow, String contributes, boolean empty, List<Row> rows,
                  List<ClassRow> classes, List<WeekRow> weeks, List<String> observations) {

    /** share and benchmark are also given machine-formatted for the chart script; benchmark "" when none. */
    record Row(String code, String label, String minutes, String share, String benchmark, String difference,
               String direction, String chartShare, String chartBenchmark) {
    }

    record ClassRow(String code, String label, String minutes, String share, double value) {
    }

    record WeekRow(String week, String logged, String customerFacing, String firefighting, String internal) {
    }

    /** The study's customer-facing share (client interaction, 4%). */
    static final double CUSTOMER_FACING_BENCHMARK = 4.0;

    static ReportView of(ChallengeReport r) {
        List<Row> rows = new ArrayList<>();
        for (ChallengeReport.Row row : r.rows()) {
            Double points = row.pointsVsBenchmark();
            String direction = points == null ? "none" : points > 0.05 ? "above" : points < -0.05 ? "below" : "level";
            rows.add(new Row(row.category(), row.label(), Formats.minutes(row.minutes()), Formats.percent(row.share()),
                    row.benchmark() == null ? "—" : Formats.percent(row.benchmark()), Formats.points(points), direction,
                    Formats.machine(row.share()), row.benchmark() == null ? "" : Formats.machine(row.benchmark())));
        }
        List<ClassRow> classes = new ArrayList<>();
        for (CategoryClass c : CategoryClass.values()) {
            ChallengeReport.Share s = r.classes().get(c);
            classes.add(new ClassRow(c.code(), Formats.label(c.code()), Formats.minutes(s.minutes()),
                    Formats.percent(s.share()), s.share()));
        }
        List<WeekRow> weeks = r.weeks().stream().map(w -> new WeekRow(Formats.day(w.monday()),
                Formats.minutes(w.loggedMinutes()), Formats.percent(w.customerFacingShare()),
                Formats.percent(w.firefightingShare()), Formats.percent(w.internalShare()))).toList();
        return new ReportView(Formats.minutes(r.loggedMinutes()), Formats.minutes(r.untrackedMinutes()),
                Formats.minutes(r.untrackedWorkingMinutes()), Formats.percent(r.customerFacingShare()),
                r.loggedMinutes() > 0 && r.customerFacingShare() < CUSTOMER_FACING_BENCHMARK,
                Formats.percent(r.contributesShare()), r.loggedMinutes() == 0, rows, classes, weeks, observations(r));
    }

    /** The report's own observations; the one for an empty period speaks of the page, not of the CLI. */
    static List<String> observations(ChallengeReport r) {
        if (r.loggedMinutes() == 0) {
            return List.of("Nothing is logged in this period yet: log what you did on the journal page, "
                    + "even after the fact.");
        }
        return r.observations();
    }
}
