package dev.rapport.cli;

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

@Command(name = "plan", description = "Key-account plans and whether they are sustainable.",
        subcommands = {PlanCommand.Add.class, PlanCommand.Check.class})
class PlanCommand {

    @Command(name = "add", description = {"Create a plan:",
        "  rapport plan add acme \"ACME 2027\" --objective \"renew in Q3\" \\",
        "    --activity \"quarterly review:quarterly:120:face_to_face\" --activity \"check-in call:monthly:30:phone\""})
    static class Add implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "client id or (part of) name or email")
        String client;

        @Parameters(index = "1", description = "plan name")
        String name;

        @Option(names = "--objective", description = "an objective (repeatable)")
        List<String> objectives = new ArrayList<>();

        @Option(names = "--activity", required = true,
                description = "name:frequency:minutes[:channel] (repeatable), e.g. \"weekly email:weekly:10:email\"")
        List<String> activities = new ArrayList<>();

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            List<Map<String, Object>> acts = new ArrayList<>();
            for (String a : activities) {
                String[] parts = a.split(":");
                if (parts.length < 3 || !parts[2].strip().matches("\\d{1,4}")) {
                    throw new CliException("--activity: expected name:frequency:minutes[:channel], got '" + a + "'");
                }
                Map<String, Object> act = new LinkedHashMap<>();
                act.put("name", parts[0].strip());
                act.put("frequency", parts[1].strip());
                act.put("minutes", Integer.parseInt(parts[2].strip()));
                act.put("channel", parts.length > 3 ? parts[3].strip() : null);
                acts.add(act);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("objectives", objectives);
            body.put("activities", acts);
            JsonNode plan = api.post("/api/v1/clients/" + ClientRef.resolve(api, client) + "/plans", body);
            ctx.out().println(String.format(Locale.ROOT, "Plan #%d created: %s needs %.1f h a month",
                    plan.get("id").asLong(), Output.text(plan, "name"), plan.get("hoursPerMonth").asDouble()));
            return 0;
        }
    }

    @Command(name = "check", description = {"Sustainability: hours your plans need vs the client-facing hours you have.",
            "Owners and managers: --member EMAIL for a member's."})
    static class Check implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption json;

        @Mixin
        MemberOption member;

        Check(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            JsonNode s = api.get("/api/v1/plans/sustainability", member.query(api, Map.of()));
            if (json.json) {
                Output.json(ctx.out(), s);
                return 0;
            }
            var out = ctx.out();
            JsonNode ratio = s.get("ratio");
            out.println(String.format(Locale.ROOT, "Plans need %.1f h a month; %s %.1f h (%s)%s",
                    s.get("requiredHours").asDouble(), member.given() ? "they have" : "you have",
                    s.get("capacityHours").asDouble(),
                    Output.text(s, "capacitySource"), ratio == null || ratio.isNull() ? ""
                            : String.format(Locale.ROOT, ": ratio %.2f, %s", ratio.asDouble(),
                            s.get("sustainable").asBoolean() ? "sustainable" : "UNSUSTAINABLE")));
            List<List<String>> rows = new ArrayList<>();
            s.get("plans").forEach(p -> rows.add(List.of(Output.text(p, "plan"), Output.text(p, "client"),
                    String.format(Locale.ROOT, "%.1f h", p.get("hoursPerMonth").asDouble()),
                    String.format(Locale.ROOT, "%.1f h", p.get("runningTotal").asDouble()),
                    p.get("overflows").asBoolean() ? "OVERFLOWS" : "fits")));
            if (!rows.isEmpty()) {
                out.println();
                Output.table(out, List.of("PLAN", "CLIENT", "NEEDS", "RUNNING", ""), rows);
            }
            s.get("suggestions").forEach(x -> out.println("• " + x.asString()));
            out.flush();
            return 0;
        }
    }
}
