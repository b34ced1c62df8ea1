package dev.rapport.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rapport", mixinStandardHelpOptions = true, version = "Rapport 0.1",
        description = "Relationship-first CRM. Without a command: start the server.",
        subcommands = {ServeCommand.class, LoginCommand.class, TodayCommand.class, ClientCommand.class,
                TouchCommand.class, SnoozeCommand.class, AdminCommand.class})
class RootCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--demo", description = "seed a demo team with sample data (once) and print its login")
    boolean demo;

    @Option(names = "--port", description = "HTTP port (default 8080, env RAPPORT_PORT)")
    Integer port;

    @Mixin
    DbOptions db;

    RootCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return ServeCommand.serve(db.properties(ctx.env()), demo, port);
    }

}
