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

@Command(name = "audit", description = "The team's audit log, newest first (owners): sign-ins, roles, tokens, "
        + "exports, transfers.")
class AuditCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--limit", defaultValue = "50", description = "how many lines (1-200)")
    int limit;

    @Option(names = "--cursor", description = "continue after a previous page (printed at the end)")
    String cursor;

    @Mixin
    JsonOption json;

    AuditCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", Integer.toString(limit));
        query.put("cursor", cursor);
        JsonNode page = ApiClient.from(ctx).get("/api/v1/team/audit", query);
        if (json.json) {
            Output.json(ctx.out(), page);
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        page.get("items").forEach(e -> rows.add(List.of(Output.when(Output.text(e, "at")),
                Output.orDash(Output.text(e, "userEmail")), Output.text(e, "action"),
                Output.orDash(Output.text(e, "remoteAddress")), Output.orDash(Output.text(e, "detail")))));
        Output.table(ctx.out(), List.of("WHEN", "WHO", "WHAT", "FROM", "DETAIL"), rows);
        String next = Output.text(page, "nextCursor");
        if (next != null) {
            ctx.out().println("more: rapport audit --cursor " + next);
        }
        return 0;
    }
}
