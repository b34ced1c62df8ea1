package dev.rapport.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "digest", description = {"Your daily email digest: rapport digest show | on | off | hour N | send-test"},
        subcommands = {DigestCommand.Show.class, DigestCommand.On.class, DigestCommand.Off.class,
                DigestCommand.Hour.class, DigestCommand.SendTest.class})
class DigestCommand implements Callable<Integer> {
    static final String PATH = "/api/v1/me/digest";
    private final CliContext ctx;

    DigestCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return new Show(ctx).call();
    }

    static int print(CliContext ctx, JsonNode d, boolean asJson) {
        if (asJson) {
            Output.json(ctx.out(), d);
            return 0;
        }
        String hour = String.format(java.util.Locale.ROOT, "%02d:00", d.get("hour").asInt());
        ctx.out().println("Daily digest: " + (d.get("enabled").asBoolean() ? "on" : "off") + ", from " + hour + " ("
                + Output.text(d, "timeZone") + ") to " + Output.text(d, "email"));
        if (!d.get("mailConfigured").asBoolean()) {
            ctx.out().println("The server has no SMTP settings: it sends no email yet.");
        }
        ctx.out().println("Last sent: " + Output.orDash(Output.text(d, "lastSentOn")) + "   next: "
                + Output.orDash(Output.text(d, "nextOn")));
        ctx.out().flush();
        return 0;
    }

    static JsonNode update(CliContext ctx, Boolean enabled, Integer hour) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", enabled);
        body.put("hour", hour);
        return ApiClient.from(ctx).put(PATH, body);
    }

    @Command(name = "show", description = "On or off, the hour, the last and the next digest.")
    static class Show implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption json = new JsonOption();

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return print(ctx, ApiClient.from(ctx).get(PATH, Map.of()), json.json);
        }
    }

    @Command(name = "on", description = "Send me the daily digest.")
    static class On implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption json = new JsonOption();

        On(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return print(ctx, update(ctx, true, null), json.json);
        }
    }

    @Command(name = "off", description = "Stop the daily digest.")
    static class Off implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption json = new JsonOption();

        Off(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return print(ctx, update(ctx, false, null), json.json);
        }
    }

    @Command(name = "hour", description = "Send it from this hour on (0-23, your time zone).")
    static class Hour implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "0 to 23")
        int hour;

        @Mixin
        JsonOption json = new JsonOption();

        Hour(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return print(ctx, update(ctx, null, hour), json.json);
        }
    }

    @Command(name = "send-test", description = "Send today's digest to yourself now.")
    static class SendTest implements Callable<Integer> {
        private final CliContext ctx;

        SendTest(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            JsonNode r = ApiClient.from(ctx).post(PATH + "/test", null);
            ctx.out().println("Test digest sent to " + Output.text(r, "sentTo") + ".");
            ctx.out().flush();
            return 0;
        }
    }
}
