package dev.rapport.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the server: shared by `rapport` (no command) and `rapport serve`. */
class ServeOptions {
    @Option(names = "--demo", description = "seed a demo team with sample data (once) and print its login")
    boolean demo;

    @Option(names = "--port", description = "HTTP port (default 8080, env RAPPORT_PORT); 0 picks a free one")
    Integer port;

    @Mixin
    DbOptions db;

    /** Starts the server and returns at once; the server keeps the JVM alive. */
    int serve(Map<String, String> env) {
        Map<String, String> props = new LinkedHashMap<>(db.properties(env));
        if (demo) {
            props.put("rapport.demo", "true");
        }
        if (port != null) {
            props.put("server.port", port.toString());
        }
        ServerLauncher.start(props, true, beanPlan(env));
        return 0;
    }

    /** RAPPORT_AOT: on (default) starts from the build-time bean plan when the settings allow, off never. */
    static boolean beanPlan(Map<String, String> env) {
        String value = env.getOrDefault("RAPPORT_AOT", "on").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "on", "" -> true;
            case "off" -> false;
            default -> throw new CliException("RAPPORT_AOT must be on or off, not '" + env.get("RAPPORT_AOT") + "'", 2);
        };
    }
}
