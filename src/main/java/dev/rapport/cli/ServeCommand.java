package dev.rapport.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", description = "Start the server (the default when no command is given).")
class ServeCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ServeOptions options;

    ServeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return options.serve(ctx.env());
    }
}
