package dev.rapport.cli;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;

import picocli.CommandLine;

/** Entry point: runs a command; exits unless a server was started and keeps running. */
public final class Cli {
    private Cli() {
    }

    public static void main(String[] args) {
        int code = execute(args, new CliContext());
        ServerLauncher.rethrowAbandoned();
        if (!ServerLauncher.running()) {
            System.exit(code);
        }
    }

    /** Runs one command line with the given context (tests pass their own config dir and streams). */
    public static int execute(String[] args, CliContext context) {
        String[] serverArgs = serverArgs(args);
        if (serverArgs != null) {
            CommandLine serve = commandLine(new ServeCommand(context), context);
            if (parses(serve, serverArgs)) {
                return serve.execute(serverArgs);
            }
        }
        return commandLine(new RootCommand(context), context).execute(args);
    }

    /**
     * The server's options when the line only starts the server (no command, or `serve`), else null.
     * Starting it needs only the serve command's model: building every command's first took 0.4 s of
     * a 4 s start. Anything it cannot parse (help, a typo) goes to the whole tree for the usual answer.
     */
    private static String[] serverArgs(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return args;
        }
        return args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : null;
    }

    private static boolean parses(CommandLine cl, String[] args) {
        try {
            cl.parseArgs(args);
            return true;
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    private static CommandLine commandLine(Object command, CliContext context) {
        CommandLine cl = new CommandLine(command, new ContextFactory(context));
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof SpringApplication.AbandonedRunException) {
                return 1; // Spring AOT's build-time run, not an error: main hands it back
            }
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
        return cl;
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
