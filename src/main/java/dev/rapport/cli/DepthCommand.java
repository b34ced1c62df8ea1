package dev.rapport.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "depth", description = "Set a client's relationship depth: 1 features & benefits, 2 motives & "
        + "values, 3 emotional / core.")
class DepthCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", description = "client id or (part of) name or email")
    String ref;

    @Option(names = "--current", required = true, description = "depth now, 1-3")
    int current;

    @Option(names = "--target", required = true, description = "depth you aim for, 1-3")
    int target;

    @Option(names = "--note", description = "what changed")
    String note;

    DepthCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ApiClient api = ApiClient.from(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("current", current);
        body.put("target", target);
        body.put("note", note);
        JsonNode c = api.post("/api/v1/clients/" + ClientRef.resolve(api, ref) + "/depth", body);
        ctx.out().println(Output.text(c, "name") + ": depth " + current + " -> target " + target);
        return 0;
    }
}
