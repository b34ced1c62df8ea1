package dev.rapport.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "audit", description = "The team's audit log, newest first (owners): sign-ins, roles, tokens, "
        + "exports, transfers.")
class AuditCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    PageOption pages;

    @Mixin
    JsonOption json;

    AuditCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        JsonNode page = ApiClient.from(ctx).get("/api/v1/team/audit", pages.query(Map.of()));
        if (json.json) {
            Output.json(ctx.out(), page);
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        page.get("items").forEach(e -> rows.add(List.of(Output.when(Output.text(e, "at")),
                Output.orDash(Output.text(e, "userEmail")), Output.text(e, "action"),
                Output.orDash(Output.text(e, "remoteAddress")), Output.orDash(Output.text(e, "detail")))));
        Output.table(ctx.out(), List.of("WHEN", "WHO", "WHAT", "FROM", "DETAIL"), rows);
        PageOption.printNext(ctx.out(), page);
        return 0;
    }
}
