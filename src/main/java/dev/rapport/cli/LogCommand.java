package dev.rapport.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "log", description = {"Log time in the journal, also after the fact.",
        "  rapport log 30m email", "  rapport log 09:00-09:45 call \"ACME review\" --client acme",
        "  rapport log 2h firefighting --yesterday"})
class LogCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(arity = "2..*", description = "a duration (30m, 2h, 1h30m) or range (09:00-09:45), a category, "
            + "then an optional note")
    List<String> words;

    @Option(names = "--client", description = "client id or (part of) name or email")
    String client;

    @Option(names = "--yesterday", description = "log it on yesterday")
    boolean yesterday;

    @Option(names = "--date", description = "log it on this day (YYYY-MM-DD)")
    LocalDate date;

    @Option(names = "--split", description = "let this entry take its time from overlapping entries")
    boolean split;

    @Mixin
    JsonOption json;

    LogCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ApiClient api = ApiClient.from(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", String.join(" ", words));
        if (yesterday || date != null) {
            body.put("date", (date != null ? date : api.today().minusDays(1)).toString());
        }
        if (client != null) {
            body.put("clientId", ClientRef.resolve(api, client));
        }
        body.put("split", split);
        JsonNode entry = api.post("/api/v1/journal/entries/quick", body);
        if (json.json) {
            Output.json(ctx.out(), entry);
        } else {
            String when = Output.text(entry, "start") != null
                    ? Output.when(Output.text(entry, "start")) + "-" + Output.when(Output.text(entry, "end"))
                    .substring(11) : Output.text(entry, "day");
            ctx.out().println("Logged " + entry.get("minutes").asInt() + " min " + Output.text(entry, "category")
                    + " on " + when + " (entry #" + entry.get("id").asLong() + ")");
        }
        return 0;
    }
}
