package dev.rapport.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "snooze", description = "Hide a client's queue entry until a date, with a reason.")
class SnoozeCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", description = "client id or (part of) name or email")
    String ref;

    @Option(names = "--until", required = true, description = "YYYY-MM-DD (visible again on that day)")
    String until;

    @Option(names = "--reason", required = true, description = "why, e.g. 'on holiday until then'")
    String reason;

    @Mixin
    JsonOption json;

    SnoozeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ApiClient api = ApiClient.from(ctx);
        long id = ClientRef.resolve(api, ref);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("until", until);
        body.put("reason", reason);
        JsonNode snooze = api.post("/api/v1/queue/" + id + "/snooze", body);
        if (json.json) {
            Output.json(ctx.out(), snooze);
        } else {
            ctx.out().println("Snoozed client " + id + " until " + Output.text(snooze, "until"));
        }
        return 0;
    }
}
