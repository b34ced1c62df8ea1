package dev.rapport.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "touch", description = "Record a touch (an interaction) with a client.")
class TouchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", description = "client id or (part of) name or email")
    String ref;

    @Option(names = "--channel", required = true,
            description = "text, social, chat, email, letter, phone, video or face_to_face")
    String channel;

    @Option(names = "--minutes", description = "duration in minutes")
    Integer minutes;

    @Option(names = "--note", description = "what was said or done")
    String note;

    @Option(names = "--rating", description = "quality 1-5")
    Integer rating;

    @Option(names = "--inbound", description = "the client reached out (default: you did)")
    boolean inbound;

    @Option(names = "--update-request", description = "the client asked for an update (implies --inbound)")
    boolean updateRequest;

    @Option(names = "--at", description = "when: YYYY-MM-DDTHH:MM (your local time) or an ISO instant; default now")
    String at;

    @Mixin
    JsonOption json;

    TouchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ApiClient api = ApiClient.from(ctx);
        long id = ClientRef.resolve(api, ref);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("direction", inbound || updateRequest ? "inbound" : "outbound");
        body.put("minutes", minutes);
        body.put("note", note);
        body.put("rating", rating);
        body.put("updateRequest", updateRequest);
        if (at != null) {
            body.put("at", parseAt(at).toString());
        }
        JsonNode touch = api.post("/api/v1/clients/" + id + "/touches", body);
        if (json.json) {
            Output.json(ctx.out(), touch);
        } else {
            ctx.out().println("Recorded " + Output.text(touch, "direction") + " " + Output.text(touch, "channel")
                    + " touch #" + touch.get("id").asLong() + " with client " + id + " at " + Output.when(Output.text(touch, "at")));
        }
        return 0;
    }

    static Instant parseAt(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(text).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new CliException("--at: expected YYYY-MM-DD, YYYY-MM-DDTHH:MM or an ISO instant");
                }
            }
        }
    }
}
