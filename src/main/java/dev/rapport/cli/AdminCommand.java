package dev.rapport.cli;

import java.io.Console;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.NotFoundException;
import dev.rapport.teams.AccountSecurityService;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "admin", description = "Local administration (talks to the database directly).",
        subcommands = {AdminCommand.Create.class, AdminCommand.ResetPassword.class})
class AdminCommand {

    @Command(name = "reset-password", description = "Set a new password for a user who lost theirs; all their "
            + "web sessions end.")
    static class ResetPassword implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--email", required = true, description = "the user's email")
        String email;

        @Option(names = "--remove-second-factor", description = "also turn off their two-factor sign-in (lost phone)")
        boolean removeSecondFactor;

        @Option(names = "--password-stdin", description = "read the new password from standard input")
        boolean passwordStdin;

        @Mixin
        DbOptions db;

        ResetPassword(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws IOException {
            String password = Create.readPassword(ctx, passwordStdin, email);
            Map<String, String> props = new java.util.LinkedHashMap<>(db.properties(ctx.env()));
            props.put("logging.level.root", "WARN");
            try (ConfigurableApplicationContext app = ServerLauncher.start(props, false)) {
                app.getBean(AccountSecurityService.class).resetPassword(email, password, removeSecondFactor);
                ctx.out().println("New password set for " + email + (removeSecondFactor
                        ? "; two-factor sign-in is off" : "") + ". Their web sessions have ended.");
                return 0;
            } catch (InvalidInputException | NotFoundException e) {
                throw new CliException("cannot reset: " + e.getMessage());
            }
        }
    }

    @Command(name = "create", description = "Create a team and its first owner.")
    static class Create implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--email", required = true, description = "the owner's email (their login)")
        String email;

        @Option(names = "--name", required = true, description = "the owner's display name")
        String name;

        @Option(names = "--team", required = true, description = "the team's name")
        String team;

        @Option(names = "--zone", defaultValue = "UTC", description = "the team's time zone, e.g. Europe/Amsterdam")
        String zone;

        @Option(names = "--password-stdin", description = "read the password from standard input")
        boolean passwordStdin;

        @Mixin
        DbOptions db;

        Create(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws IOException {
            String password = readPassword(ctx, passwordStdin, email);
            Map<String, String> props = new java.util.LinkedHashMap<>(db.properties(ctx.env()));
            props.put("logging.level.root", "WARN");
            try (ConfigurableApplicationContext app = ServerLauncher.start(props, false)) {
                AccountService accounts = app.getBean(AccountService.class);
                TeamId teamId = accounts.createTeam(team, zone);
                accounts.createUser(teamId, email, name, password, Role.OWNER);
                ctx.out().println("Created team '" + team + "' with owner " + email + ". Sign in with "
                        + "`rapport login <server-url>`.");
                return 0;
            } catch (InvalidInputException | ConflictException e) {
                throw new CliException("cannot create: " + e.getMessage());
            }
        }

        static String readPassword(CliContext ctx, boolean passwordStdin, String email) throws IOException {
            if (passwordStdin) {
                String line = ctx.in().readLine();
                if (line == null) {
                    throw new CliException("no password on standard input");
                }
                return line;
            }
            Console console = System.console();
            if (console == null) {
                throw new CliException("no terminal to ask for a password: use --password-stdin");
            }
            char[] first = console.readPassword("Password for %s: ", email);
            char[] second = console.readPassword("Repeat it: ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new CliException("the passwords do not match");
            }
            return new String(first);
        }
    }
}
