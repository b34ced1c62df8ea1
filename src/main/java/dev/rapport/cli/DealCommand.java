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

@Command(name = "deal", description = "Deals and their milestones.",
        subcommands = {DealCommand.Add.class, DealCommand.ListDeals.class, DealCommand.Done.class,
                DealCommand.Pipeline.class})
class DealCommand {

    /** --member and --team, one or neither. */
    static final class Scope {
        private Scope() {
        }

        static Map<String, String> query(ApiClient api, MemberOption member, boolean team, Map<String, String> query) {
            if (team && member.given()) {
                throw new CliException("give --member or --team, not both");
            }
            Map<String, String> q = member.query(api, query);
            if (team) {
                q.put("team", "true");
            }
            return q;
        }
    }

    @Command(name = "add", description = "Start a deal: rapport deal add acme \"Sale of Elm St 4\" --value 450000")
    static class Add implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "client id or (part of) name or email")
        String client;

        @Parameters(index = "1", description = "title")
        String title;

        @Option(names = "--value", description = "deal value")
        java.math.BigDecimal value;

        @Option(names = "--template", description = "template id (default: home sale)")
        Long template;

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("amount", value);
            body.put("templateId", template);
            JsonNode d = api.post("/api/v1/clients/" + ClientRef.resolve(api, client) + "/deals", body);
            ctx.out().println("Deal #" + d.get("id").asLong() + " started: " + Output.text(d, "title") + " ("
                    + d.get("milestones").size() + " milestones)");
            return 0;
        }
    }

    @Command(name = "list", description = {"Your open deals, or with --client every deal with that client.",
            "Owners and managers: --member EMAIL for a member's, --team for the whole team's (read only)."})
    static class ListDeals implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption json;

        @Mixin
        MemberOption member;

        @Option(names = "--team", description = "owners and managers: the whole team's open deals")
        boolean team;

        @Option(names = "--client", description = "client id or (part of) name or email: its deals, whoever made them")
        String client;

        @Mixin
        PageOption pages;

        ListDeals(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            if (client != null && (team || member.given())) {
                throw new CliException("--client lists every deal with the client: not with --member or --team");
            }
            if (client != null && pages.given()) {
                throw new CliException("--client lists every deal with the client at once: no --limit or --cursor");
            }
            // a client's deals are few and come whole; the others are paged
            JsonNode page = client == null ? api.get("/api/v1/deals", pages.query(Scope.query(api, member, team,
                    Map.of("status", "open")))) : null;
            JsonNode list = page != null ? page.get("items")
                    : api.get("/api/v1/clients/" + ClientRef.resolve(api, client) + "/deals", Map.of());
            if (json.json) {
                Output.json(ctx.out(), page != null ? page : list);
                return 0;
            }
            // the team's deals, or a client's, are several people's: say whose
            Map<Long, String> makers = team || client != null ? Members.emails(api) : null;
            List<List<String>> rows = new ArrayList<>();
            list.forEach(d -> {
                List<String> row = new ArrayList<>(List.of(Long.toString(d.get("id").asLong()), Output.text(d, "title"),
                        Output.orDash(Output.text(d, "stage")), Output.orDash(Output.text(d, "amount")), flags(d)));
                if (makers != null) {
                    row.add(makers.getOrDefault(d.get("userId").asLong(), "a former member"));
                }
                rows.add(row);
            });
            Output.table(ctx.out(), makers == null ? List.of("ID", "DEAL", "STAGE", "VALUE", "FLAGS")
                    : List.of("ID", "DEAL", "STAGE", "VALUE", "FLAGS", "BY"), rows);
            if (page != null) {
                PageOption.printNext(ctx.out(), page);
            }
            return 0;
        }

        private static String flags(JsonNode d) {
            String status = Output.text(d, "status");
            return (("open".equals(status) ? "" : status + " ") + (d.get("activeListing").asBoolean() ? "listed " : "")
                    + (d.get("stale").asBoolean() ? "STALE" : "")).strip();
        }
    }

    @Command(name = "done", description = "Complete a milestone: rapport deal done 12 listed")
    static class Done implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "deal id")
        long id;

        @Parameters(index = "1..*", description = "milestone position or (part of) its name")
        List<String> milestone;

        Done(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("milestone", String.join(" ", milestone));
            JsonNode d = ApiClient.from(ctx).post("/api/v1/deals/" + id + "/complete", body);
            ctx.out().println("Deal #" + id + " is at '" + Output.text(d, "stage") + "'. Tell the client: it is in "
                    + "`rapport today` until you reach out.");
            return 0;
        }
    }

    @Command(name = "pipeline", description = {"Open deals by stage.",
            "Owners and managers: --member EMAIL for a member's, --team for the whole team's."})
    static class Pipeline implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        MemberOption member;

        @Option(names = "--team", description = "owners and managers: the whole team's pipeline")
        boolean team;

        Pipeline(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            List<List<String>> rows = new ArrayList<>();
            ApiClient api = ApiClient.from(ctx);
            api.get("/api/v1/deals/pipeline", Scope.query(api, member, team, Map.of())).forEach(s -> rows.add(List.of(
                    Output.text(s, "name"), Integer.toString(s.get("deals").asInt()), Output.text(s, "value"),
                    s.get("oldestDays").asLong() + "d", Integer.toString(s.get("stale").asInt()))));
            Output.table(ctx.out(), List.of("STAGE", "DEALS", "VALUE", "OLDEST", "STALE"), rows);
            return 0;
        }
    }
}
