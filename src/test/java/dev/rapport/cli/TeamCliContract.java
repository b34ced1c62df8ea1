package dev.rapport.cli;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.rapport.support.Api;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.Role;

/** `rapport team` and `rapport team overdue` against a running server; runs once per database. */
abstract class TeamCliContract extends AppTestBase {
    @TempDir
    Path config;

    record Run(int code, String out, String err) {
    }

    Run rapport(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, new CliContext(config, new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)), Map.of()));
        return new Run(code, out.toString(), err.toString());
    }

    private void signIn(String email) {
        Run login = rapport("correct horse battery\n", "login", baseUrl(), "--email", email, "--password-stdin");
        assertThat(login.code()).as(login.err()).isZero();
    }

    @Test
    void managersSeeTheTeamAndDrillDownToAMembersOverdueClients() {
        var manager = newTeam(Role.MANAGER);
        var member = newMember(manager.user().teamId(), Role.MEMBER);
        Api m = member.api();
        for (String name : new String[] {"Acme", "Bravo"}) {
            long id = m.post("/api/v1/clients", json("{'name':'" + name + "','tier':'A'}")).json().get("id").asLong();
            m.post("/api/v1/clients/" + id + "/touches", json("{'channel':'phone','at':'"
                    + clock.instant().minus(Duration.ofDays(name.equals("Acme") ? 30 : 20)) + "'}"));
        }
        long desk = m.post("/api/v1/clients", json("{'name':'IT desk','tier':'C','kind':'internal'}")).json().get("id")
                .asLong();
        m.post("/api/v1/clients/" + desk + "/touches", json("{'channel':'email','direction':'inbound',"
                + "'updateRequest':true}"));
        signIn(manager.email());

        Run team = rapport("", "team", "--period", "month");
        assertThat(team.code()).as(team.err()).isZero();
        assertThat(team.out()).contains("Team dashboard, 2026-11-01 to 2026-11-30").contains(member.email())
                .contains("OVERDUE").contains("WEEK OF").contains("2026-11-23");
        String row = team.out().lines().filter(l -> l.contains(member.email())).findFirst().orElseThrow();
        assertThat(row).contains("2/0"); // two external clients overdue, no internal one
        assertThat(row).contains("0/1"); // one late signal from the internal client
        // late rate in November: that request against two clients served (Bravo, the desk; Acme was October's)
        String late = team.out().substring(team.out().indexOf("Late rate"));
        assertThat(late).contains("2026-11").contains("50.0% (1/2)").contains("TEAM");
        assertThat(rapport("", "team", "--from", "2026-11-01", "--to", "2026-11-07", "--json").out())
                .contains("\"wholeTeam\" : true").contains("\"from\" : \"2026-11-01\"");

        Run overdue = rapport("", "team", "overdue", member.email());
        assertThat(overdue.code()).as(overdue.err()).isZero();
        assertThat(overdue.out()).contains("Acme").contains("Bravo").doesNotContain("IT desk")
                .contains("30 days since last touch, tier A allows at most 14 days — 16 days overdue");
        assertThat(overdue.out().indexOf("Acme")).isLessThan(overdue.out().indexOf("Bravo"));
        Run first = rapport("", "team", "overdue", member.email(), "--limit", "1");
        assertThat(first.out()).contains("Acme").doesNotContain("Bravo").contains("--cursor ");
        String cursor = first.out().substring(first.out().indexOf("--cursor ") + 9).strip();
        assertThat(rapport("", "team", "overdue", member.email(), "--limit", "1", "--cursor", cursor).out())
                .contains("Bravo");
        assertThat(rapport("", "team", "overdue", member.email(), "--kind", "internal").out())
                .contains("No overdue clients.");

        Run unknown = rapport("", "team", "overdue", "nobody@example.com");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no team member with the email nobody@example.com");
        Run bad = rapport("", "team", "--period", "year");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("period");
    }

    @Test
    void aMemberSeesOnlyTheirOwnRow() {
        var manager = newTeam(Role.MANAGER);
        var member = newMember(manager.user().teamId(), Role.MEMBER);
        signIn(member.email());
        Run team = rapport("", "team");
        assertThat(team.code()).as(team.err()).isZero();
        assertThat(team.out()).contains(member.email()).doesNotContain(manager.email())
                .contains("Only your own row");
        Run other = rapport("", "team", "overdue", Long.toString(manager.userId().value()));
        assertThat(other.code()).isEqualTo(1);
    }
}
