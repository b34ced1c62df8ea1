package dev.rapport.cli;

import java.io.Console;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "account", description = {"Your account: rapport account teams | switch TEAM | profile "
        + "[--name N] [--time-zone ZONE|team] | password |",
        "  sign-out-everywhere | totp-on | totp-off | tokens | token-create NAME [--read-only] [--expires DATE] |",
        "  token-revoke ID"},
        subcommands = {AccountCommand.Teams.class, AccountCommand.Switch.class, AccountCommand.Profile.class,
                AccountCommand.Password.class,
                AccountCommand.SignOutEverywhere.class, AccountCommand.TotpOn.class, AccountCommand.TotpOff.class,
                AccountCommand.Tokens.class, AccountCommand.TokenCreate.class, AccountCommand.TokenRevoke.class})
class AccountCommand {

    /** Secrets: one line each from standard input with --stdin, else asked on the terminal without echo. */
    static final class Secrets {
        private final CliContext ctx;
        private final boolean stdin;

        Secrets(CliContext ctx, boolean stdin) {
            this.ctx = ctx;
            this.stdin = stdin;
        }

        String ask(String prompt) throws IOException {
            if (stdin) {
                String line = ctx.in().readLine();
                if (line == null) {
                    throw new CliException("expected one more line on standard input: " + prompt);
                }
                return line;
            }
            Console console = System.console();
            if (console == null) {
                throw new CliException("no terminal to ask for secrets: use --stdin");
            }
            char[] secret = console.readPassword("%s: ", prompt);
            return secret == null ? "" : new String(secret);
        }
    }

    @Command(name = "teams", description = "The teams you belong to (* = the one this login acts in).")
    static class Teams implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption json;

        Teams(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            JsonNode list = ApiClient.from(ctx).get("/api/v1/me/teams", Map.of());
            if (json.json) {
                Output.json(ctx.out(), list);
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            list.forEach(t -> rows.add(List.of(t.get("current").asBoolean() ? "*" : "", Output.text(t, "id"),
                    Output.text(t, "name"), Output.text(t, "role"))));
            Output.table(ctx.out(), List.of("", "ID", "TEAM", "ROLE"), rows);
            return 0;
        }
    }

    @Command(name = "switch", description = "Act in another of your teams: asks your password and saves a token "
            + "for that team.")
    static class Switch implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "team id or exact name (see `rapport account teams`)")
        String team;

        @Option(names = "--stdin", description = "read the password from standard input")
        boolean stdin;

        @Option(names = "--code", description = "the 6-digit code of your authenticator app, if two-factor is on")
        String code;

        Switch(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws IOException {
            ApiClient api = ApiClient.from(ctx);
            JsonNode chosen = null;
            for (JsonNode t : api.get("/api/v1/me/teams", Map.of())) {
                if (team.equals(Output.text(t, "id")) || team.equalsIgnoreCase(Output.text(t, "name"))) {
                    chosen = t;
                }
            }
            if (chosen == null) {
                throw new CliException("you are not a member of a team '" + team + "'");
            }
            // a token only mints tokens for its own team: another team takes a password sign-in
            CliConfig old = CliConfig.load(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("email", Output.text(api.get("/api/v1/me", Map.of()), "email"));
            body.put("password", new Secrets(ctx, stdin).ask("Password"));
            body.put("code", code);
            body.put("tokenName", "cli (" + Output.text(chosen, "name") + ")");
            body.put("teamId", chosen.get("id").asLong());
            String token;
            try {
                token = Output.text(new ApiClient(old.url(), null).post("/api/v1/auth/tokens", body), "token");
            } catch (CliException e) {
                throw new CliException(e.getMessage().contains("not signed in") ? "invalid password or code"
                        : e.getMessage());
            }
            JsonNode me = new ApiClient(old.url(), token).get("/api/v1/me", Map.of());
            new CliConfig(old.url(), token, Output.text(me, "timeZone")).save(ctx);
            ctx.out().println("Now acting in " + Output.text(chosen, "name") + " as " + Output.text(chosen, "role")
                    + ".");
            return 0;
        }
    }

    @Command(name = "profile", description = {"Show your name and time zone, or change them (in all your teams).",
        "  --time-zone team follows the team's zone. The zone decides your calendar days."})
    static class Profile implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--name", description = "your name as your team sees it")
        String name;

        @Option(names = "--time-zone", paramLabel = "ZONE", description = "an id such as Europe/Paris, or 'team'")
        String timeZone;

        @Mixin
        JsonOption json;

        Profile(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            JsonNode profile = api.get("/api/v1/me/profile", Map.of());
            if (name != null || timeZone != null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", name != null ? name : Output.text(profile, "name"));
                JsonNode own = profile.get("timeZone");
                body.put("timeZone", timeZone == null ? (own.isNull() ? null : own.asString())
                        : timeZone.equalsIgnoreCase("team") ? null : timeZone);
                profile = api.put("/api/v1/me/profile", body);
                CliConfig old = CliConfig.load(ctx);
                new CliConfig(old.url(), old.token(), Output.text(profile, "effectiveTimeZone")).save(ctx);
            }
            if (json.json) {
                Output.json(ctx.out(), profile);
                return 0;
            }
            ctx.out().println("Name:      " + Output.text(profile, "name"));
            ctx.out().println("Time zone: " + Output.text(profile, "effectiveTimeZone")
                    + (profile.get("timeZone").isNull() ? " (the team's)" : ""));
            return 0;
        }
    }

    @Command(name = "password", description = "Change your password (your web sessions end).")
    static class Password implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--stdin", description = "read current and new password as two lines from standard input")
        boolean stdin;

        Password(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws IOException {
            Secrets secrets = new Secrets(ctx, stdin);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("currentPassword", secrets.ask("Current password"));
            body.put("newPassword", secrets.ask("New password"));
            ApiClient.from(ctx).post("/api/v1/me/password", body);
            ctx.out().println("Password changed. Your web sessions have ended; API tokens still work.");
            return 0;
        }
    }

    @Command(name = "sign-out-everywhere", description = "End every web session and revoke every API token "
            + "(this login too).")
    static class SignOutEverywhere implements Callable<Integer> {
        private final CliContext ctx;

        SignOutEverywhere(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            JsonNode result = ApiClient.from(ctx).post("/api/v1/me/sign-out-everywhere", Map.of());
            ctx.out().println("Signed out everywhere (" + Output.text(result, "ended") + " sessions and tokens ended)."
                    + " Run `rapport login <server-url>` to sign in again.");
            return 0;
        }
    }

    @Command(name = "totp-on", description = "Turn on two-factor sign-in with an authenticator app.")
    static class TotpOn implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--stdin", description = "read the code from standard input")
        boolean stdin;

        TotpOn(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws IOException {
            ApiClient api = ApiClient.from(ctx);
            JsonNode enrolment = api.post("/api/v1/me/totp", Map.of());
            ctx.out().println("Add this key to your authenticator app: " + Output.text(enrolment, "secret"));
            ctx.out().println("or open: " + Output.text(enrolment, "otpauthUri"));
            ctx.out().flush();
            String code = stdin ? ctx.in().readLine() : ask("Code shown by the app: ");
            api.post("/api/v1/me/totp/confirm", Map.of("code", code == null ? "" : code.strip()));
            ctx.out().println("Two-factor sign-in is on: sign-ins now ask for a code (rapport login --code).");
            return 0;
        }

        private static String ask(String prompt) {
            Console console = System.console();
            if (console == null) {
                throw new CliException("no terminal to ask for the code: use --stdin");
            }
            return console.readLine(prompt);
        }
    }

    @Command(name = "totp-off", description = "Turn off two-factor sign-in (asks for your password and a code).")
    static class TotpOff implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--stdin", description = "read password and code as two lines from standard input")
        boolean stdin;

        TotpOff(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws IOException {
            Secrets secrets = new Secrets(ctx, stdin);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("password", secrets.ask("Password"));
            body.put("code", secrets.ask("Code").strip());
            ApiClient.from(ctx).send("DELETE", "/api/v1/me/totp", body);
            ctx.out().println("Two-factor sign-in is off.");
            return 0;
        }
    }

    @Command(name = "tokens", description = "Your API tokens in this team (never the secrets).")
    static class Tokens implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption json;

        Tokens(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            JsonNode list = ApiClient.from(ctx).get("/api/v1/tokens", Map.of());
            if (json.json) {
                Output.json(ctx.out(), list);
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            list.forEach(t -> rows.add(List.of(Output.text(t, "id"), Output.text(t, "name"), Output.text(t, "scope"),
                    Output.orDash(Output.when(Output.text(t, "expiresAt"))),
                    Output.orDash(Output.when(Output.text(t, "lastUsedAt"))),
                    Output.text(t, "revokedAt") == null ? "live" : "revoked")));
            Output.table(ctx.out(), List.of("ID", "NAME", "SCOPE", "EXPIRES", "LAST USED", "STATE"), rows);
            return 0;
        }
    }

    @Command(name = "token-create", description = "Create an API token (shown once).")
    static class TokenCreate implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "a name to recognise it by")
        String name;

        @Option(names = "--read-only", description = "the token can read but never change anything")
        boolean readOnly;

        @Option(names = "--expires", description = "last day it works, YYYY-MM-DD (in your time zone)")
        String expires;

        TokenCreate(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("scope", readOnly ? "read" : "read_write");
            if (expires != null) {
                body.put("expiresAt", endOfDay(expires, CliConfig.load(ctx).zone()));
            }
            JsonNode token = api.post("/api/v1/tokens", body);
            ctx.out().println("Token #" + Output.text(token, "id") + " (" + (readOnly ? "read-only" : "read-write")
                    + "), shown once:");
            ctx.out().println(Output.text(token, "token"));
            return 0;
        }

        private static String endOfDay(String date, String zone) {
            try {
                ZoneId z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
                return LocalDate.parse(date).plusDays(1).atStartOfDay(z).toInstant().toString();
            } catch (DateTimeParseException e) {
                throw new CliException("--expires: expected a date as YYYY-MM-DD");
            }
        }
    }

    @Command(name = "token-revoke", description = "Revoke an API token.")
    static class TokenRevoke implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "the token id (see `rapport account tokens`)")
        long id;

        TokenRevoke(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient.from(ctx).delete("/api/v1/tokens/" + id);
            ctx.out().println("Token #" + id + " revoked: it no longer works.");
            return 0;
        }
    }
}
