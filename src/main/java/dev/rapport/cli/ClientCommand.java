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

@Command(name = "client", description = "Add, show and list clients.",
        subcommands = {ClientCommand.Add.class, ClientCommand.Show.class, ClientCommand.ListClients.class,
                ClientCommand.Transfer.class, ClientCommand.Share.class})
class ClientCommand {

    @Command(name = "transfer", description = "Give a client to another member, with its history and open work.")
    static class Transfer implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "client id or (part of) name or email")
        String client;

        @Option(names = "--to", required = true, description = "email of the member who takes it over")
        String to;

        Transfer(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            long id = ClientRef.resolve(api, client);
            JsonNode c = api.post("/api/v1/clients/" + id + "/transfer",
                    java.util.Map.of("ownerId", Members.idOf(api, to, "--to")));
            ctx.out().println(Output.text(c, "name") + " now belongs to " + to + ".");
            return 0;
        }
    }

    @Command(name = "share", description = "Share a client with every member of the team (--off: owner only again).")
    static class Share implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "client id or (part of) name or email")
        String client;

        @Option(names = "--off", description = "make it visible to its owner (and managers) only")
        boolean off;

        Share(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            long id = ClientRef.resolve(api, client);
            JsonNode c = api.put("/api/v1/clients/" + id + "/sharing", java.util.Map.of("shared", !off));
            ctx.out().println(Output.text(c, "name") + (off ? " is visible to its owner and managers only."
                    : " is shared with the whole team."));
            return 0;
        }
    }

    @Command(name = "add", description = "Add a client.")
    static class Add implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "name")
        String name;

        @Option(names = "--org", description = "organisation")
        String organisation;

        @Option(names = "--email", description = "email (repeatable)")
        List<String> emails = new ArrayList<>();

        @Option(names = "--phone", description = "phone (repeatable)")
        List<String> phones = new ArrayList<>();

        @Option(names = "--tag", description = "tag (repeatable)")
        List<String> tags = new ArrayList<>();

        @Option(names = "--tier", description = "tier, e.g. A, B or C (default: the least demanding)")
        String tier;

        @Option(names = "--status", description = "prospect, active (default) or past")
        String status;

        @Option(names = "--internal", description = "an internal customer (a colleague or department)")
        boolean internal;

        @Option(names = "--signed-on", description = "date the relationship started as a customer (YYYY-MM-DD)")
        String signedOn;

        @Option(names = "--depth", description = "current relationship depth 1-3")
        Integer depth;

        @Option(names = "--target-depth", description = "target relationship depth 1-3")
        Integer targetDepth;

        @Option(names = "--notes", description = "notes")
        String notes;

        @Mixin
        JsonOption json;

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("organisation", organisation);
            body.put("emails", emails);
            body.put("phones", phones);
            body.put("tags", tags);
            body.put("tier", tier);
            body.put("status", status);
            body.put("kind", internal ? "internal" : "external");
            body.put("signedOn", signedOn);
            body.put("depthCurrent", depth);
            body.put("depthTarget", targetDepth);
            body.put("notes", notes);
            JsonNode client = ApiClient.from(ctx).post("/api/v1/clients", body);
            if (json.json) {
                Output.json(ctx.out(), client);
            } else {
                ctx.out().println("Added client " + client.get("id").asLong() + ": " + Output.text(client, "name")
                        + " (tier " + Output.text(client, "tier") + ")");
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show a client and their latest touches.")
    static class Show implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "client id or (part of) name or email")
        String ref;

        @Mixin
        JsonOption json;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            long id = ClientRef.resolve(api, ref);
            JsonNode client = api.get("/api/v1/clients/" + id, Map.of());
            JsonNode timeline = api.get("/api/v1/clients/" + id + "/timeline", Map.of("limit", "10"));
            if (json.json) {
                var both = ApiClient.JSON.createObjectNode();
                both.set("client", client);
                both.set("timeline", timeline);
                Output.json(ctx.out(), both);
                return 0;
            }
            var out = ctx.out();
            out.println(Output.text(client, "name") + " (#" + id + ")"
                    + (client.get("archived").asBoolean() ? "  [archived]" : ""));
            field("Organisation", Output.text(client, "organisation"));
            field("Tier / status / kind", Output.text(client, "tier") + " / " + Output.text(client, "status") + " / "
                    + Output.text(client, "kind"));
            field("Emails", join(client.get("emails")));
            field("Phones", join(client.get("phones")));
            field("Tags", join(client.get("tags")));
            field("Signed on", Output.text(client, "signedOn"));
            field("Depth (now -> target)", Output.orDash(Output.text(client, "depthCurrent")) + " -> "
                    + Output.orDash(Output.text(client, "depthTarget")));
            field("Last touch", Output.when(Output.text(client, "lastTouchAt")));
            field("Notes", Output.text(client, "notes"));
            out.println();
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode t : timeline.get("items")) {
                String flags = t.get("lateSignal").asBoolean() ? "LATE: asked for update" : "";
                rows.add(List.of(Output.when(Output.text(t, "at")), Output.text(t, "channel"), Output.text(t, "direction"),
                        Output.orDash(Output.text(t, "minutes")), flags, Output.orDash(Output.text(t, "note"))));
            }
            if (rows.isEmpty()) {
                out.println("No touches yet.");
            } else {
                Output.table(out, List.of("AT", "CHANNEL", "DIRECTION", "MIN", "", "NOTE"), rows);
            }
            out.flush();
            return 0;
        }

        private void field(String label, String value) {
            ctx.out().println(String.format(java.util.Locale.ROOT, "  %-22s %s", label, Output.orDash(value)));
        }

        private static String join(JsonNode array) {
            List<String> values = new ArrayList<>();
            array.forEach(v -> values.add(v.asString()));
            return String.join(", ", values);
        }
    }

    @Command(name = "list", description = "List or search clients.")
    static class ListClients implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = {"-q", "--search"}, description = "text in name, organisation or email")
        String search;

        @Option(names = "--tag", description = "only clients with this tag")
        String tag;

        @Option(names = "--tier", description = "only this tier")
        String tier;

        @Mixin
        PageOption pages;

        @Mixin
        JsonOption json;

        ListClients(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("q", search);
            query.put("tag", tag);
            query.put("tier", tier);
            JsonNode found = ApiClient.from(ctx).get("/api/v1/clients", pages.query(query));
            if (json.json) {
                Output.json(ctx.out(), found);
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode c : found.get("items")) {
                rows.add(List.of(Long.toString(c.get("id").asLong()), Output.text(c, "name"),
                        Output.orDash(Output.text(c, "organisation")), Output.text(c, "tier"),
                        Output.text(c, "status"), Output.orDash(Output.when(Output.text(c, "lastTouchAt")))));
            }
            Output.table(ctx.out(), List.of("ID", "NAME", "ORGANISATION", "TIER", "STATUS", "LAST TOUCH"), rows);
            PageOption.printNext(ctx.out(), found);
            ctx.out().flush();
            return 0;
        }
    }
}
