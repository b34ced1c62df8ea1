package dev.rapport.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "challenge", description = "Start a 24-hour (or working-week) challenge, or see how it goes.",
        subcommands = {ChallengeCommand.Start.class, ChallengeCommand.Status.class})
class ChallengeCommand {

    @Command(name = "start", description = "Start a challenge: today, or --week for Monday to Friday.")
    static class Start implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--week", description = "a working-week challenge")
        boolean week;

        @Option(names = "--start", description = "first day (default today)")
        LocalDate start;

        Start(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", week ? "week" : "day");
            body.put("start", start == null ? null : start.toString());
            JsonNode c = ApiClient.from(ctx).post("/api/v1/journal/challenge", body);
            ctx.out().println("Challenge on: " + Output.text(c, "firstDay") + " to " + Output.text(c, "lastDay")
                    + ". Log as you go (rapport log 30m email); `rapport today` reminds you of gaps.");
            return 0;
        }
    }

    @Command(name = "status", description = "Gaps today and the report so far.")
    static class Status implements Callable<Integer> {
        private final CliContext ctx;

        Status(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            JsonNode c = ApiClient.from(ctx).get("/api/v1/journal/challenge", Map.of());
            var out = ctx.out();
            out.println("Challenge " + Output.text(c, "firstDay") + " to " + Output.text(c, "lastDay")
                    + (c.get("active").asBoolean() ? " (running)" : " (finished)"));
            c.get("gapsToday").forEach(g -> out.println("  unlogged today: " + Output.text(g, "local")));
            JsonNode report = c.get("report");
            if (report != null && !report.isNull()) {
                report.get("observations").forEach(o -> out.println("• " + o.asString()));
            }
            out.flush();
            return 0;
        }
    }
}
