package dev.rapport.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Where the CLI keeps its config and talks to: overridable for tests. */
public record CliContext(Path configDir, PrintWriter out, PrintWriter err, BufferedReader in, Map<String, String> env) {

    public CliContext() {
        this(defaultConfigDir(System.getenv()), new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.getenv());
    }

    /** ~/.config/rapport, or $XDG_CONFIG_HOME/rapport, or $RAPPORT_CONFIG_DIR. */
    static Path defaultConfigDir(Map<String, String> env) {
        if (env.get("RAPPORT_CONFIG_DIR") != null) {
            return Path.of(env.get("RAPPORT_CONFIG_DIR"));
        }
        if (env.get("XDG_CONFIG_HOME") != null) {
            return Path.of(env.get("XDG_CONFIG_HOME"), "rapport");
        }
        return Path.of(System.getProperty("user.home"), ".config", "rapport");
    }
}
