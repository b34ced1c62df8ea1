package dev.rapport.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "calendar", description = {"Your secret calendar feed (ICS) for Google Calendar, Apple Calendar, Outlook:",
        "rapport calendar url | regenerate | revoke"},
        subcommands = {CalendarCommand.Url.class, CalendarCommand.Regenerate.class, CalendarCommand.Revoke.class})
class CalendarCommand implements Callable<Integer> {
    static final String PATH = "/api/v1/me/calendar-feed";
    private final CliContext ctx;

    CalendarCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return new Url(ctx).call();
    }

    static void printIssued(CliContext ctx, JsonNode issued, String what) {
        ctx.out().println(what + " Subscribe to it in your calendar app; it is shown only now:");
        ctx.out().println("  " + Output.text(issued, "url"));
        ctx.out().println("  " + Output.text(issued, "webcalUrl") + "   (Apple Calendar, Outlook)");
        ctx.out().flush();
    }

    @Command(name = "url", description = "Create your feed and print its URL; if you have one, say so "
            + "(its URL was shown once: `regenerate` makes a new one).")
    static class Url implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption json = new JsonOption();

        Url(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            JsonNode feed = api.get(PATH, Map.of());
            if (feed.get("active").asBoolean()) {
                if (json.json) {
                    Output.json(ctx.out(), feed);
                    return 0;
                }
                ctx.out().println("You have a calendar feed (made " + Output.when(Output.text(feed, "createdAt"))
                        + ", last read " + Output.orDash(Output.when(Output.text(feed, "lastFetchedAt"))) + ").");
                ctx.out().println("Its URL was shown once. `rapport calendar regenerate` makes a new one "
                        + "(the old one stops working).");
                ctx.out().flush();
                return 0;
            }
            JsonNode issued = api.post(PATH, null);
            if (json.json) {
                Output.json(ctx.out(), issued);
            } else {
                printIssued(ctx, issued, "Calendar feed created.");
            }
            return 0;
        }
    }

    @Command(name = "regenerate", description = "Make a new feed URL; the old one stops working at once.")
    static class Regenerate implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption json = new JsonOption();

        Regenerate(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            JsonNode issued = ApiClient.from(ctx).post(PATH, null);
            if (json.json) {
                Output.json(ctx.out(), issued);
            } else {
                printIssued(ctx, issued, "New calendar feed URL; the old one no longer works.");
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke your feed: its URL stops working.")
    static class Revoke implements Callable<Integer> {
        private final CliContext ctx;

        Revoke(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient.from(ctx).send("DELETE", PATH, null);
            ctx.out().println("Calendar feed revoked: its URL no longer works.");
            ctx.out().flush();
            return 0;
        }
    }
}
