package dev.rapport.web;

import java.util.List;
import java.util.Locale;

import dev.rapport.dashboard.Dashboard;

/** The Team page: one row per member, the team's totals and the weekly trend, formatted for reading. */
record TeamView(boolean wholeTeam, String today, List<Row> members, Row team, List<String> lateMonths,
                List<LateRow> lateRates, List<WeekRow> weeks) {

    /** A member's (or the team's) late rate in each month: "7.5%" and "3 requests · 40 clients served". */
    record LateRow(String name, boolean team, List<LateCell> months) {
    }

    record LateCell(String rate, String detail, boolean late) {
        static LateCell of(Dashboard.LateRate r) {
            return new LateCell(percent(r.rate()), String.format(Locale.ENGLISH, "%,d %s · %,d %s served",
                    r.updateRequests(), r.updateRequests() == 1 ? "request" : "requests", r.served(),
                    r.served() == 1 ? "client" : "clients"), r.updateRequests() > 0);
        }
    }

    /** Clients of one kind; overdueUrl lists them (null for the team totals). */
    record Kind(int overdue, int due, int lateSignals, int honeymoonFlags, String overdueUrl) {
        static Kind of(Dashboard.ClientFigures c, String url) {
            return new Kind(c.overdue(), c.due(), c.lateSignals(), c.honeymoonFlags(), url);
        }
    }

    /** member: the user id the deals, promises and plans pages take (null for the team's total). */
    record Row(String name, String email, String role, String member, String overdueUrl, String logged,
               String customerFacing, boolean customerFacingLow, String contributes, Kind external, Kind internal,
               String kept, int honeymoonFlags, String plans, boolean plansOver) {
    }

    /** data: the chart's numbers (machine format), read by team-chart.js from the table. */
    record WeekRow(String week, String logged, String customerFacing, String touches, String lateSignals, String kept,
                   String chartShare, int chartLateExternal, int chartLateInternal) {
    }

    /** Below the study's 4% of time with clients (seed 000): worth a manager's look. */
    static final double CUSTOMER_FACING_BENCHMARK = 4.0;

    static TeamView of(Dashboard d) {
        List<Row> rows = d.members().stream().map(m -> {
            String url = "/team/members/" + m.userId().value() + "/overdue";
            return row(m.name(), m.email(), Formats.label(m.role().code()), Long.toString(m.userId().value()), url,
                    m.figures());
        }).toList();
        List<WeekRow> weeks = d.weeks().stream().map(w -> new WeekRow(Formats.range(w.from(), w.to()),
                hours(w.loggedSeconds()), percent(w.customerFacingShare()),
                w.external().touches() + " · " + w.internal().touches(),
                w.external().lateSignals() + " · " + w.internal().lateSignals(), percent(w.keptRate()),
                w.customerFacingShare() == null ? "" : Formats.machine(w.customerFacingShare()),
                w.external().lateSignals(), w.internal().lateSignals())).toList();
        List<LateRow> late = new java.util.ArrayList<>(d.members().stream()
                .map(m -> new LateRow(m.name(), false, m.lateRates().stream().map(LateCell::of).toList())).toList());
        if (d.wholeTeam()) {
            late.add(new LateRow("Team", true, d.teamLateRates().stream().map(LateCell::of).toList()));
        }
        List<String> months = d.teamLateRates().stream().map(r -> Formats.month(r.month().atDay(1))).toList();
        return new TeamView(d.wholeTeam(), Formats.longDay(d.today()), rows,
                row(d.wholeTeam() ? "Team" : "You", null, null, null, null, d.team()), months, late, weeks);
    }

    private static Row row(String name, String email, String role, String member, String url,
                           Dashboard.Figures f) {
        Double ratio = f.sustainabilityRatio();
        String plans = ratio == null ? "No capacity" : String.format(Locale.ROOT, "%.2f", ratio);
        return new Row(name, email, role, member, url, hours(f.loggedSeconds()),
                percent(f.customerFacingShare()),
                f.customerFacingShare() != null && f.customerFacingShare() < CUSTOMER_FACING_BENCHMARK,
                percent(f.contributesShare()),
                Kind.of(f.external(), url == null ? null : url + "?kind=external"),
                Kind.of(f.internal(), url == null ? null : url + "?kind=internal"), percent(f.keptRate()),
                f.clients().honeymoonFlags(), plans, ratio == null ? f.requiredHours() > 0 : ratio > 1.0);
    }

    /** Logged time of a member or a whole team for a period: "168.4 h". */
    private static String hours(long seconds) {
        return String.format(Locale.ENGLISH, "%,.1f h", seconds / 3600.0);
    }

    private static String percent(Double share) {
        return share == null ? "–" : Formats.percent(share);
    }
}
