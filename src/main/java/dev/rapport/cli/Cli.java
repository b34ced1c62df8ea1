package dev.rapport.cli;

import picocli.CommandLine;

/** Entry point: runs a command; exits unless a server was started and keeps running. */
public final class Cli {
    private Cli() {
    }

    public static void main(String[] args) {
        int code = execute(args, new CliContext());
        if (!ServerLauncher.running()) {
            System.exit(code);
        }
    }

    /** Runs one command line with the given context (tests pass their own config dir and streams). */
    public static int execute(String[] args, CliContext context) {
        CommandLine cl = new CommandLine(new RootCommand(context), new ContextFactory(context));
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof CliException ce) {
                cmd.getErr().println(ce.getMessage());
                return ce.exitCode();
            }
            cmd.getErr().println("error: " + ex.getMessage());
            if (context.env().containsKey("RAPPORT_DEBUG")) {
                ex.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cl.execute(args);
    }

    /** Hands the shared context to every command that asks for it in its constructor. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
