package dev.rapport.cli;

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

@Command(name = "members", description = {"The members of your current team: rapport members",
        "Owners: rapport members invite EMAIL --role member | role EMAIL ROLE | remove EMAIL --successor EMAIL",
        "        rapport members invitations | withdraw ID"},
        subcommands = {MembersCommand.Invite.class, MembersCommand.ChangeRole.class, MembersCommand.Remove.class,
                MembersCommand.Invitations.class, MembersCommand.Withdraw.class})
class MembersCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    JsonOption json;

    MembersCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        JsonNode list = ApiClient.from(ctx).get("/api/v1/team/members", Map.of());
        if (json.json) {
            Output.json(ctx.out(), list);
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        list.forEach(m -> rows.add(List.of(Output.text(m, "name"), Output.text(m, "email"), Output.text(m, "role"))));
        Output.table(ctx.out(), List.of("NAME", "EMAIL", "ROLE"), rows);
        return 0;
    }

    @Command(name = "invite", description = "Invite someone by email; prints the link to send them (valid once).")
    static class Invite implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "their email address")
        String email;

        @Option(names = "--role", defaultValue = "member", description = "owner, manager, member or viewer")
        String role;

        Invite(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("email", email);
            body.put("role", role);
            JsonNode issued = api.post("/api/v1/team/invitations", body);
            JsonNode invitation = issued.get("invitation");
            ctx.out().println("Invited " + Output.text(invitation, "email") + " as " + Output.text(invitation, "role")
                    + " until " + Output.when(Output.text(invitation, "expiresAt")) + ". Send them this link (shown"
                    + " once):");
            ctx.out().println(CliConfig.load(ctx).url() + Output.text(issued, "acceptPath"));
            return 0;
        }
    }

    @Command(name = "role", description = "Change a member's role (takes effect on their next request).")
    static class ChangeRole implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "the member's email")
        String email;

        @Parameters(index = "1", description = "owner, manager, member or viewer")
        String role;

        ChangeRole(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            long id = Members.idOf(api, email, "email");
            api.put("/api/v1/team/members/" + id + "/role", Map.of("role", role));
            ctx.out().println(email + " is now " + role + ".");
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a member; --successor takes over their clients and open work.")
    static class Remove implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "the member's email")
        String email;

        @Option(names = "--successor", description = "email of the member who takes over their clients")
        String successor;

        Remove(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient api = ApiClient.from(ctx);
            long id = Members.idOf(api, email, "email");
            Map<String, String> query = new LinkedHashMap<>();
            query.put("successorId", successor == null ? null
                    : Long.toString(Members.idOf(api, successor, "--successor")));
            api.delete("/api/v1/team/members/" + id + ApiClient.queryString(query));
            ctx.out().println(email + " is no longer a member" + (successor == null ? "." : "; " + successor
                    + " took over their clients."));
            return 0;
        }
    }

    @Command(name = "invitations", description = "The team's invitations, newest first.")
    static class Invitations implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption json;

        Invitations(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            JsonNode list = ApiClient.from(ctx).get("/api/v1/team/invitations", Map.of());
            if (json.json) {
                Output.json(ctx.out(), list);
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            list.forEach(i -> rows.add(List.of(Output.text(i, "id"), Output.text(i, "email"), Output.text(i, "role"),
                    Output.text(i, "state"), Output.when(Output.text(i, "expiresAt")))));
            Output.table(ctx.out(), List.of("ID", "EMAIL", "ROLE", "STATE", "EXPIRES"), rows);
            return 0;
        }
    }

    @Command(name = "withdraw", description = "Withdraw a pending invitation.")
    static class Withdraw implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", description = "the invitation id (see `rapport members invitations`)")
        long id;

        Withdraw(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ApiClient.from(ctx).delete("/api/v1/team/invitations/" + id);
            ctx.out().println("Invitation #" + id + " withdrawn: its link no longer works.");
            return 0;
        }
    }
}
