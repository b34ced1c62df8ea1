package dev.rapport.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", description = "Reports.", subcommands = ReportCommand.Challenge.class)
class ReportCommand {

    static class PeriodOptions {
        @Option(names = "--day", description = "today (or --date's day)")
        boolean day;

        @Option(names = "--week", description = "this ISO week (the default)")
        boolean week;

        @Option(names = "--month", description = "this month")
        boolean month;
    }

    @Command(name = "challenge", description = "The 24-hour challenge report: where your time went, next to the "
            + "published benchmark.")
    static class Challenge implements Callable<Integer> {
        private final CliContext ctx;

        @ArgGroup(exclusive = true)
        PeriodOptions period;

        @Option(names = "--date", description = "a day inside the period (default today)")
        LocalDate date;

        @Option(names = "--from", description = "first day of a custom range")
        LocalDate from;

        @Option(names = "--to", description = "last day of a custom range")
        LocalDate to;

        @Option(names = "--team", description = "per team member (managers and owners)")
        boolean team;

        @Option(names = "--svg", description = "also save the chart to this file")
        Path svg;

        @Mixin
        JsonOption json;

        Challenge(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws IOException {
            ApiClient api = ApiClient.from(ctx);
            Map<String, String> query = new LinkedHashMap<>();
            query.put("from", from == null ? null : from.toString());
            query.put("to", to == null ? null : to.toString());
            query.put("date", date == null ? null : date.toString());
            query.put("period", period == null ? null : period.day ? "day" : period.month ? "month" : "week");
            if (team) {
                JsonNode r = api.get("/api/v1/reports/challenge/team", query);
                if (json.json) {
                    Output.json(ctx.out(), r);
                } else {
                    printTeam(r);
                }
                return 0;
            }
            JsonNode r = api.get("/api/v1/reports/challenge", query);
            if (json.json) {
                Output.json(ctx.out(), r);
            } else {
                print(r);
            }
            if (svg != null) {
                Files.writeString(svg, api.text("/api/v1/reports/challenge.svg" + ApiClient.queryString(query)),
                        StandardCharsets.UTF_8);
                ctx.out().println("Chart saved to " + svg);
            }
            return 0;
        }

        private void print(JsonNode r) {
            var out = ctx.out();
            out.println(String.format(Locale.ROOT, "24-hour challenge, %s to %s: %.1f h logged", Output.text(r, "from"),
                    Output.text(r, "to"), r.get("loggedMinutes").asDouble() / 60));
            out.println();
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode c : r.get("categories")) {
                JsonNode bench = c.get("benchmark");
                rows.add(List.of(Output.text(c, "label"), String.format(Locale.ROOT, "%.1f h",
                                c.get("minutes").asDouble() / 60), pct(c.get("share").asDouble()),
                        bench == null || bench.isNull() ? "-" : pct(bench.asDouble()),
                        Output.text(c, "categoryClass").replace('_', ' ')));
            }
            Output.table(out, List.of("CATEGORY", "TIME", "YOU", "BENCHMARK", "CLASS"), rows);
            out.println();
            JsonNode classes = r.get("classes");
            out.println("External connection " + pct(classes.get("external_connection").get("share").asDouble())
                    + " · firefighting " + pct(classes.get("firefighting").get("share").asDouble())
                    + " · internal " + pct(classes.get("internal").get("share").asDouble()));
            out.println("Customer-facing share " + pct(r.get("customerFacingShare").asDouble())
                    + " · contributes to customer needs " + pct(r.get("contributesShare").asDouble())
                    + String.format(Locale.ROOT, " · untracked in the working day %.1f h",
                    r.get("untrackedWorkingMinutes").asDouble() / 60));
            if (r.get("weeks").size() > 1) {
                out.println();
                List<List<String>> weeks = new ArrayList<>();
                r.get("weeks").forEach(w -> weeks.add(List.of(Output.text(w, "monday"), String.format(Locale.ROOT,
                        "%.1f h", w.get("loggedMinutes").asDouble() / 60), pct(w.get("customerFacingShare").asDouble()))));
                Output.table(out, List.of("WEEK OF", "LOGGED", "CUSTOMER-FACING"), weeks);
            }
            out.println();
            r.get("observations").forEach(o -> out.println("• " + o.asString()));
            out.flush();
        }

        private void printTeam(JsonNode r) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode m : r.get("members")) {
                rows.add(List.of(Output.text(m, "name"), Output.text(m, "role"), String.format(Locale.ROOT, "%.1f h",
                                m.get("loggedMinutes").asDouble() / 60), pct(m.get("customerFacingShare").asDouble()),
                        pct(m.get("contributesShare").asDouble()), pct(m.get("firefightingShare").asDouble())));
            }
            ctx.out().println("Team, " + Output.text(r, "from") + " to " + Output.text(r, "to") + ": customer-facing "
                    + pct(r.get("customerFacingShare").asDouble()));
            Output.table(ctx.out(), List.of("MEMBER", "ROLE", "LOGGED", "CUSTOMER-FACING", "CONTRIBUTES",
                    "FIREFIGHTING"), rows);
        }

        private static String pct(double v) {
            return String.format(Locale.ROOT, "%.0f%%", v);
        }
    }
}
