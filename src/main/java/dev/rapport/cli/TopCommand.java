package dev.rapport.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "top", description = "Your top relationships: rating now vs target and how it changed.",
        subcommands = {TopCommand.Set.class, TopCommand.Rate.class})
class TopCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    JsonOption json;

    TopCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        JsonNode list = ApiClient.from(ctx).get("/api/v1/top", Map.of());
        if (json.json) {
            Output.json(ctx.out(), list);
            return 0;
        }
        if (list.isEmpty()) {
            ctx.out().println("No top relationships yet: rapport top set <client> <client> ... (up to 10)");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode t : list) {
            JsonNode latest = t.get("latest");
            boolean rated = latest != null && !latest.isNull();
            String change = t.get("change") == null || t.get("change").isNull() ? "-"
                    : String.format(java.util.Locale.ROOT, "%+d", t.get("change").asInt());
            rows.add(List.of(Output.text(t, "name"), Output.orDash(Output.text(t, "depthCurrent")) + " -> "
                            + Output.orDash(Output.text(t, "depthTarget")),
                    rated ? latest.get("now").asInt() + " / " + latest.get("target").asInt() : "not rated",
                    rated ? Integer.toString(latest.get("gap").asInt()) : "-", change));
        }
        Output.table(ctx.out(), List.of("RELATIONSHIP", "DEPTH", "NOW / TARGET", "GAP", "CHANGE"), rows);
        return 0;
    }

    @Command(name = "set", description = "Choose your top relationships (up to 10, in order).")
    static class Set implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "0..10", description = "clients (ids or names)")
        List<String> refs = new ArrayList<>();

        Set(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            List<Long> ids = refs.stream().map(r -> ClientRef.resolve(api, r)).toList();
            api.put("/api/v1/top", Map.of("clientIds", ids));
            ctx.out().println("Top relationships set: " + ids.size());
            return 0;
        }
    }

    @Command(name = "rate", description = "Rate one: rapport top rate acme --now 6 --target 9")
    static class Rate implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "client id or name")
        String ref;

        @Option(names = "--now", required = true, description = "how strong it is now, 1-10")
        int now;

        @Option(names = "--target", required = true, description = "how strong it should be, 1-10")
        int target;

        @Option(names = "--note", description = "why")
        String note;

        Rate(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("now", now);
            body.put("target", target);
            body.put("note", note);
            JsonNode t = api.post("/api/v1/top/" + ClientRef.resolve(api, ref) + "/rating", body);
            ctx.out().println(Output.text(t, "name") + ": " + now + " now, " + target + " target (gap "
                    + (target - now) + ")");
            return 0;
        }
    }
}
