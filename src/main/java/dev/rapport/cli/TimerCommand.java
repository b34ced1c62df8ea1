package dev.rapport.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "timer", description = "Time what you are doing now.",
        subcommands = {TimerCommand.Start.class, TimerCommand.Stop.class, TimerCommand.Status.class})
class TimerCommand {

    @Command(name = "start", description = "Start a timer: rapport timer start internal_admin")
    static class Start implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "category")
        String category;

        @Option(names = "--client", description = "client id or (part of) name or email")
        String client;

        @Option(names = "--note", description = "what you are doing")
        String note;

        Start(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("category", category);
            body.put("clientId", client == null ? null : ClientRef.resolve(api, client));
            body.put("note", note);
            JsonNode timer = api.post("/api/v1/journal/timer/start", body);
            ctx.out().println("Timer started: " + Output.text(timer, "category") + " since "
                    + Output.when(Output.text(timer, "startedAt")).substring(11));
            return 0;
        }
    }

    @Command(name = "stop", description = "Stop the timer and log its time.")
    static class Stop implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--split", description = "let this entry take its time from overlapping entries")
        boolean split;

        Stop(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            JsonNode entry = ApiClient.from(ctx).post("/api/v1/journal/timer/stop" + (split ? "?split=true" : ""),
                    null);
            ctx.out().println("Logged " + entry.get("minutes").asInt() + " min " + Output.text(entry, "category")
                    + " (entry #" + entry.get("id").asLong() + ")");
            return 0;
        }
    }

    @Command(name = "status", description = "Show the running timer.")
    static class Status implements Callable<Integer> {
        private final CliContext ctx;

        Status(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try {
                JsonNode timer = ApiClient.from(ctx).get("/api/v1/journal/timer", Map.of());
                ctx.out().println("Running: " + Output.text(timer, "category") + " since "
                        + Output.when(Output.text(timer, "startedAt")));
            } catch (CliException e) {
                if (!e.getMessage().startsWith("error 404")) {
                    throw e;
                }
                ctx.out().println("No timer is running.");
            }
            return 0;
        }
    }
}
