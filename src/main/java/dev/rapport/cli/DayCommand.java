package dev.rapport.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "day", description = "Today's journal: entries, where the time went, and unlogged gaps.")
class DayCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--date", description = "another day (YYYY-MM-DD)")
    LocalDate date;

    @Option(names = "--yesterday", description = "yesterday")
    boolean yesterday;

    @Mixin
    JsonOption json;

    DayCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ApiClient api = ApiClient.from(ctx);
        Map<String, String> query = new HashMap<>();
        if (date != null || yesterday) {
            query.put("date", (date != null ? date : api.today().minusDays(1)).toString());
        }
        JsonNode day = api.get("/api/v1/journal/day", query);
        if (json.json) {
            Output.json(ctx.out(), day);
            return 0;
        }
        var out = ctx.out();
        out.println(String.format(Locale.ROOT, "%s: %.1f h logged, %.1f h untracked of %.0f h",
                Output.text(day, "date"), day.get("loggedMinutes").asDouble() / 60,
                day.get("untrackedMinutes").asDouble() / 60, day.get("dayHours").asDouble()));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode e : day.get("entries")) {
            String when = Output.text(e, "start") == null ? "(duration)"
                    : Output.when(Output.text(e, "start")).substring(11) + "-"
                    + Output.when(Output.text(e, "end")).substring(11);
            rows.add(List.of(Long.toString(e.get("id").asLong()), when, e.get("minutes").asInt() + "m",
                    Output.text(e, "category"), Output.orDash(Output.text(e, "note"))));
        }
        if (!rows.isEmpty()) {
            out.println();
            Output.table(out, List.of("ID", "WHEN", "MIN", "CATEGORY", "NOTE"), rows);
        }
        List<String> byCategory = new ArrayList<>();
        day.get("minutesByCategory").properties().forEach(e -> byCategory.add(e.getKey() + " "
                + Math.round(e.getValue().asDouble()) + "m"));
        if (!byCategory.isEmpty()) {
            out.println();
            out.println("By category (touch time included): " + String.join(", ", byCategory));
        }
        List<String> gaps = new ArrayList<>();
        day.get("gaps").forEach(g -> gaps.add(Output.text(g, "local")));
        if (!gaps.isEmpty()) {
            out.println("Unlogged gaps (08:00-18:00): " + String.join(", ", gaps));
        }
        out.flush();
        return 0;
    }
}
