package dev.rapport.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "today", description = "Today's attention queue: who needs contact, and why.")
class TodayCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--date", description = "another day (YYYY-MM-DD)")
    String date;

    @Mixin
    JsonOption json;

    TodayCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Map<String, String> query = new HashMap<>();
        query.put("date", date);
        JsonNode queue = ApiClient.from(ctx).get("/api/v1/queue", query);
        if (json.json) {
            Output.json(ctx.out(), queue);
            return 0;
        }
        int count = queue.get("count").asInt();
        int snoozed = queue.get("snoozed").asInt();
        ctx.out().println("Attention queue for " + Output.text(queue, "date") + ": " + count
                + (count == 1 ? " client" : " clients") + (snoozed > 0 ? " (" + snoozed + " snoozed)" : ""));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode e : queue.get("entries")) {
            List<String> reasons = new ArrayList<>();
            e.get("reasons").forEach(r -> reasons.add(Output.text(r, "text")));
            rows.add(List.of(Long.toString(e.get("clientId").asLong()), Output.text(e, "name"), Output.text(e, "tier"),
                    Output.orDash(Output.text(e, "daysSinceTouch")), Integer.toString(e.get("overdueDays").asInt()),
                    Integer.toString(e.get("score").asInt()), String.join("; ", reasons)));
        }
        queue.get("reminders").forEach(r -> ctx.out().println("! " + r.asString()));
        if (!rows.isEmpty()) {
            ctx.out().println();
            Output.table(ctx.out(), List.of("ID", "CLIENT", "TIER", "DAYS", "OVERDUE", "SCORE", "WHY"), rows);
        }
        return 0;
    }
}
