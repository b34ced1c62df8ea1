package dev.rapport.cli;

import java.io.Console;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "login", description = "Sign in to a Rapport server and save an API token in the config dir.")
class LoginCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", description = "server URL, e.g. http://localhost:8080")
    String url;

    @Option(names = "--email", description = "your login email (asked if omitted)")
    String email;

    @Option(names = "--password-stdin", description = "read the password from standard input")
    boolean passwordStdin;

    @Option(names = "--code", description = "the 6-digit code of your authenticator app, if two-factor is on")
    String code;

    @Option(names = "--team", description = "the team id to act in (default: your first team; see `rapport account teams`)")
    Long team;

    @Option(names = "--read-only", description = "save a read-only token: this CLI can read but not change")
    boolean readOnly;

    LoginCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Console console = System.console();
        if (email == null) {
            if (console == null) {
                throw new CliException("give --email when there is no terminal");
            }
            email = console.readLine("Email: ");
        }
        String password = passwordStdin ? ctx.in().readLine() : readSecret(console);
        if (password == null) {
            throw new CliException("no password given");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("tokenName", "cli@" + hostName());
        body.put("code", code);
        body.put("teamId", team);
        body.put("scope", readOnly ? "read" : "read_write");
        JsonNode token;
        try {
            token = new ApiClient(url, null).post("/api/v1/auth/tokens", body);
        } catch (CliException e) {
            throw new CliException(e.getMessage().contains("not signed in") ? "invalid email, password or code"
                    : e.getMessage());
        }
        String secret = Output.text(token, "token");
        JsonNode me = new ApiClient(url, secret).get("/api/v1/me", java.util.Map.of());
        new CliConfig(url, secret, Output.text(me, "timeZone")).save(ctx);
        ctx.out().println("Signed in to " + url + " as " + email + ". Token saved in " + ctx.configDir() + ".");
        return 0;
    }

    private String readSecret(Console console) {
        if (console == null) {
            throw new CliException("no terminal to ask for a password: use --password-stdin");
        }
        char[] secret = console.readPassword("Password: ");
        return secret == null ? null : new String(secret);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
