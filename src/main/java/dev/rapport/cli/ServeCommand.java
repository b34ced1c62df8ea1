package dev.rapport.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Start the server (the default when no command is given).")
class ServeCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--demo", description = "seed a demo team with sample data (once) and print its login")
    boolean demo;

    @Option(names = "--port", description = "HTTP port (default 8080, env RAPPORT_PORT)")
    Integer port;

    @Mixin
    DbOptions db;

    ServeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return serve(db.properties(ctx.env()), demo, port);
    }

    static int serve(Map<String, String> dbProperties, boolean demo, Integer port) {
        Map<String, String> props = new LinkedHashMap<>(dbProperties);
        if (demo) {
            props.put("rapport.demo", "true");
        }
        if (port != null) {
            props.put("server.port", port.toString());
        }
        ServerLauncher.start(props, true);
        return 0;
    }
}
