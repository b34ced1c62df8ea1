package dev.rapport.cli;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
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

@Command(name = "promise", description = {"Record a promise: rapport promise acme \"send the revised quote\" --due fri",
        "or manage them: rapport promise list | keep ID | break ID | renegotiate ID --due DATE"},
        subcommands = {PromiseCommand.ListPromises.class, PromiseCommand.Keep.class, PromiseCommand.Break.class,
                PromiseCommand.Renegotiate.class})
class PromiseCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", arity = "0..1", description = "client id or (part of) name or email")
    String client;

    @Parameters(index = "1", arity = "0..1", description = "what you promised")
    String text;

    @Option(names = "--due", description = "today, tomorrow, a weekday (fri), +3d or YYYY-MM-DD")
    String due;

    @Mixin
    JsonOption json;

    PromiseCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (client == null || text == null || due == null) {
            throw new CliException("usage: rapport promise <client> \"what you promised\" --due <when>");
        }
        ApiClient api = ApiClient.from(ctx);
        long id = ClientRef.resolve(api, client);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("dueOn", parseDue(due, api.today()).toString());
        JsonNode p = api.post("/api/v1/clients/" + id + "/promises", body);
        if (json.json) {
            Output.json(ctx.out(), p);
        } else {
            ctx.out().println("Promise #" + p.get("id").asLong() + " recorded: “" + Output.text(p, "text") + "” due "
                    + Output.text(p, "dueOn"));
        }
        return 0;
    }

    /** Human dates relative to the user's today: a weekday means its next occurrence (today counts). */
    static LocalDate parseDue(String text, LocalDate today) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("today")) {
            return today;
        }
        if (t.equals("tomorrow")) {
            return today.plusDays(1);
        }
        if (t.matches("\\+\\d{1,3}d")) {
            return today.plusDays(Integer.parseInt(t.substring(1, t.length() - 1)));
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (t.length() >= 3 && name.startsWith(t)) {
                return today.with(TemporalAdjusters.nextOrSame(d));
            }
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new CliException("--due: expected today, tomorrow, a weekday (fri), +3d or YYYY-MM-DD");
        }
    }

    @Command(name = "list", description = {"Your pending promises (or --all).",
            "--client X: the pending promises to a client, a colleague's too.",
            "Owners and managers: --member EMAIL for a member's (read only)."})
    static class ListPromises implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--all", description = "also kept and broken ones")
        boolean all;

        @Option(names = "--client", description = "client id or (part of) name or email: its promises, whoever made them")
        String client;

        @Mixin
        JsonOption json;

        @Mixin
        MemberOption member;

        @Mixin
        PageOption pages;

        ListPromises(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            if (client != null) {
                return onClient(api);
            }
            Map<String, String> query = new LinkedHashMap<>();
            query.put("status", all ? null : "pending");
            query = member.query(api, query);
            JsonNode page = api.get("/api/v1/promises", pages.query(query));
            if (json.json) {
                Output.json(ctx.out(), page);
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            page.get("items").forEach(p -> rows.add(List.of(Long.toString(p.get("id").asLong()), Output.text(p, "dueOn"),
                    Output.text(p, "status"), Long.toString(p.get("clientId").asLong()), Output.text(p, "text"))));
            if (rows.isEmpty()) {
                ctx.out().println(all ? "No promises yet." : "No pending promises.");
            } else {
                Output.table(ctx.out(), List.of("ID", "DUE", "STATUS", "CLIENT", "PROMISE"), rows);
                PageOption.printNext(ctx.out(), page);
            }
            Map<String, String> rateQuery = new LinkedHashMap<>(query);
            rateQuery.remove("status");
            JsonNode rate = api.get("/api/v1/promises/kept-rate", rateQuery);
            JsonNode pct = rate.get("keptPercent");
            ctx.out().println("Kept rate, last 90 days: " + (pct == null || pct.isNull() ? "no promises closed yet"
                    : String.format(Locale.ROOT, "%.0f%% (%d kept, %d broken)", pct.asDouble(),
                    rate.get("kept").asLong(), rate.get("broken").asLong())));
            return 0;
        }

        private int onClient(ApiClient api) {
            if (member.given()) {
                throw new CliException("--client lists every promise to the client: not with --member");
            }
            if (pages.given()) {
                throw new CliException("--client lists every promise to the client at once: no --limit or --cursor");
            }
            JsonNode list = api.get("/api/v1/clients/" + ClientRef.resolve(api, client) + "/promises", Map.of());
            if (json.json) {
                Output.json(ctx.out(), list);
                return 0;
            }
            Map<Long, String> names = Members.emails(api);
            List<List<String>> rows = new ArrayList<>();
            list.forEach(p -> {
                if (all || "open".equals(Output.text(p, "status")) || "renegotiated".equals(Output.text(p, "status"))) {
                    rows.add(List.of(Long.toString(p.get("id").asLong()), Output.text(p, "dueOn"),
                            Output.text(p, "status"), names.getOrDefault(p.get("userId").asLong(), "a former member"),
                            Output.text(p, "text")));
                }
            });
            if (rows.isEmpty()) {
                ctx.out().println(all ? "No promises to this client yet." : "No pending promises to this client.");
            } else {
                Output.table(ctx.out(), List.of("ID", "DUE", "STATUS", "BY", "PROMISE"), rows);
            }
            return 0;
        }
    }

    @Command(name = "keep", description = "Mark a promise kept.")
    static class Keep implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "promise id")
        long id;

        Keep(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient.from(ctx).post("/api/v1/promises/" + id + "/keep", null);
            ctx.out().println("Promise #" + id + " kept.");
            return 0;
        }
    }

    @Command(name = "break", description = "Mark a promise broken.")
    static class Break implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "promise id")
        long id;

        @Option(names = "--reason", description = "why")
        String reason;

        Break(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", reason);
            ApiClient.from(ctx).post("/api/v1/promises/" + id + "/break", body);
            ctx.out().println("Promise #" + id + " marked broken.");
            return 0;
        }
    }

    @Command(name = "renegotiate", description = "Agree a new date with the client.")
    static class Renegotiate implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "promise id")
        long id;

        @Option(names = "--due", required = true, description = "the new date")
        String due;

        @Option(names = "--reason", description = "why")
        String reason;

        Renegotiate(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("dueOn", parseDue(due, api.today()).toString());
            body.put("reason", reason);
            JsonNode p = api.post("/api/v1/promises/" + id + "/renegotiate", body);
            ctx.out().println("Promise #" + id + " now due " + Output.text(p, "dueOn") + ".");
            return 0;
        }
    }
}
