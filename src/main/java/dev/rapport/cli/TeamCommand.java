package dev.rapport.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "team", description = {"The manager dashboard: every member's time, clients overdue and due, late "
        + "signals, promises, honeymoon flags and plan load; team totals and the trend by week.",
        "rapport team [--period day|week|month] [--date D] | [--from D --to D];  rapport team overdue <member email>"},
        subcommands = TeamCommand.Overdue.class)
class TeamCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--period", description = "day, week or month (the default) around --date")
    String period;

    @Option(names = "--date", description = "a day inside the period (default today)")
    LocalDate date;

    @Option(names = "--from", description = "first day of a custom range")
    LocalDate from;

    @Option(names = "--to", description = "last day of a custom range")
    LocalDate to;

    @Mixin
    JsonOption json;

    TeamCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("from", from == null ? null : from.toString());
        query.put("to", to == null ? null : to.toString());
        query.put("period", period);
        query.put("date", date == null ? null : date.toString());
        JsonNode d = ApiClient.from(ctx).get("/api/v1/team/dashboard", query);
        if (json.json) {
            Output.json(ctx.out(), d);
            return 0;
        }
        var out = ctx.out();
        out.println("Team dashboard, " + Output.text(d, "from") + " to " + Output.text(d, "to") + " (clients due and "
                + "overdue as of " + Output.text(d, "today") + "; external/internal customers)");
        out.println();
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode m : d.get("members")) {
            rows.add(row(Output.text(m, "name"), Output.text(m, "email"), m.get("figures")));
        }
        rows.add(row("TEAM", "", d.get("team")));
        Output.table(out, List.of("MEMBER", "EMAIL", "LOGGED", "CUST-FACING", "CONTRIBUTES", "OVERDUE", "DUE",
                "LATE", "TOUCHES", "KEPT", "HONEYMOON", "PLANS"), rows);
        out.println();
        List<List<String>> weeks = new ArrayList<>();
        for (JsonNode w : d.get("weeks")) {
            weeks.add(List.of(Output.text(w, "monday"), hours(w.get("loggedMinutes")), pct(w.get("customerFacingShare")),
                    pair(w, "touches"), pair(w, "lateSignals"), pct(w.get("keptRate"))));
        }
        Output.table(out, List.of("WEEK OF", "LOGGED", "CUST-FACING", "TOUCHES", "LATE", "KEPT"), weeks);
        if (d.has("teamLateRates")) { // a server from before the late rate has none
            lateRates(out, d);
        }
        if (!d.get("wholeTeam").asBoolean()) {
            out.println();
            out.println("Only your own row: the whole team is for managers and owners.");
        }
        out.println();
        out.println("A member's overdue clients: rapport team overdue <email>");
        out.flush();
        return 0;
    }

    private static List<String> row(String name, String email, JsonNode f) {
        Double ratio = f.get("sustainabilityRatio").isNull() ? null : f.get("sustainabilityRatio").asDouble();
        return List.of(name, Output.orDash(email), hours(f.get("loggedMinutes")), pct(f.get("customerFacingShare")),
                pct(f.get("contributesShare")), pair(f, "overdue"), pair(f, "due"), pair(f, "lateSignals"),
                pair(f, "touches"), pct(f.get("keptRate")), pair(f, "honeymoonFlags"),
                ratio == null ? "no capacity" : String.format(Locale.ROOT, "%.2f%s", ratio, ratio > 1 ? " !" : ""));
    }

    private static void lateRates(java.io.PrintWriter out, JsonNode d) {
        out.println();
        out.println("Late rate: update requests / clients served, per calendar month");
        List<List<String>> late = new ArrayList<>();
        for (JsonNode m : d.get("members")) {
            late.add(lateRow(Output.text(m, "name"), m.get("lateRates")));
        }
        if (d.get("wholeTeam").asBoolean()) {
            late.add(lateRow("TEAM", d.get("teamLateRates")));
        }
        List<String> header = new ArrayList<>(List.of("MEMBER"));
        d.get("teamLateRates").forEach(r -> header.add(Output.text(r, "month")));
        Output.table(out, header, late);
    }

    /** "7.5% (3/40)" per month: the rate, update requests / clients served. */
    private static List<String> lateRow(String name, JsonNode rates) {
        List<String> row = new ArrayList<>(List.of(name));
        rates.forEach(r -> row.add((r.get("rate").isNull() ? "-" : String.format(Locale.ROOT, "%.1f%%",
                r.get("rate").asDouble())) + " (" + r.get("updateRequests").asInt() + "/"
                + r.get("clientsServed").asInt() + ")"));
        return row;
    }

    /** external/internal */
    private static String pair(JsonNode f, String field) {
        return f.get("external").get(field).asInt() + "/" + f.get("internal").get(field).asInt();
    }

    private static String hours(JsonNode minutes) {
        return String.format(Locale.ROOT, "%.1f h", minutes.asDouble() / 60);
    }

    private static String pct(JsonNode v) {
        return v == null || v.isNull() ? "-" : String.format(Locale.ROOT, "%.0f%%", v.asDouble());
    }

    @Command(name = "overdue", description = "A member's overdue clients, most overdue first, with the queue's reasons.")
    static class Overdue implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "the member's email (or user id)")
        String member;

        @Option(names = "--kind", description = "external or internal (default both)")
        String kind;

        @Mixin
        PageOption pages;

        @Mixin
        JsonOption json;

        Overdue(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            long id = resolve(api, member);
            Map<String, String> query = new LinkedHashMap<>();
            query.put("kind", kind);
            JsonNode page = api.get("/api/v1/team/members/" + id + "/overdue", pages.query(query));
            if (json.json) {
                Output.json(ctx.out(), page);
                return 0;
            }
            var out = ctx.out();
            if (page.get("items").isEmpty()) {
                out.println("No overdue clients.");
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode c : page.get("items")) {
                JsonNode reasons = c.get("reasons");
                rows.add(List.of("#" + c.get("clientId").asLong(), Output.text(c, "name"), Output.text(c, "kind"),
                        Output.text(c, "tier"), Output.orDash(Output.text(c, "lastTouchOn")),
                        Integer.toString(c.get("overdueDays").asInt()),
                        reasons.isEmpty() ? "-" : Output.text(reasons.get(0), "text")));
            }
            if (!rows.isEmpty()) {
                Output.table(out, List.of("ID", "CLIENT", "KIND", "TIER", "LAST TOUCH", "DAYS OVERDUE", "WHY"), rows);
            }
            PageOption.printNext(out, page);
            out.flush();
            return 0;
        }

        /** An email of a team member as their user id (from the dashboard's member list), or an id as is. */
        private static long resolve(ApiClient api, String member) {
            if (member.matches("\\d{1,18}")) {
                return Long.parseLong(member);
            }
            JsonNode d = api.get("/api/v1/team/dashboard", Map.of("period", "day"));
            for (JsonNode m : d.get("members")) {
                if (member.equalsIgnoreCase(Output.text(m, "email"))) {
                    return m.get("userId").asLong();
                }
            }
            throw new CliException("no team member with the email " + member
                    + (d.get("wholeTeam").asBoolean() ? "" : " that you can see (only managers and owners see others)"));
        }
    }
}
