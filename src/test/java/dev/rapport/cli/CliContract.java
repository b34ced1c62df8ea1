package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.rapport.support.Api;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/** The `rapport` CLI against a running server; runs once per database (see the subclasses). */
abstract class CliContract extends AppTestBase {
    @TempDir
    Path config;

    private String email;

    record Run(int code, String out, String err) {
    }

    Run withInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var ctx = new CliContext(config, new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)), Map.of());
        int code = Cli.execute(args, ctx);
        return new Run(code, out.toString(), err.toString());
    }

    Run rapport(String... args) {
        return withInput("", args);
    }

    @BeforeEach
    void signIn() {
        email = newTeam(Role.MEMBER).email();
        Run login = withInput("correct horse battery\n", "login", baseUrl(), "--email", email, "--password-stdin");
        assertThat(login.code()).as(login.err()).isZero();
        assertThat(login.out()).contains("Signed in");
    }

    @Test
    void loginStoresATokenOnlyTheUserCanRead() throws IOException {
        Path file = config.resolve("config.properties");
        assertThat(Files.readString(file)).contains("token=rp_");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Run wrong = withInput("nope nope nope\n", "login", baseUrl(), "--email", email, "--password-stdin");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("invalid email, password or code");
    }

    @Test
    void switchingTeamsSignsInAgainWithThePassword() {
        Session owner = newTeam(Role.OWNER);
        Session other = newTeam(Role.OWNER);
        String invitation = other.api().post("/api/v1/team/invitations", Api.json("{'email':'" + owner.email()
                + "','role':'member'}")).json().get("token").asString();
        assertThat(owner.api().post("/api/v1/invitations/" + invitation + "/accept", null).status()).isEqualTo(200);
        assertThat(withInput("correct horse battery\n", "login", baseUrl(), "--email", owner.email(),
                "--password-stdin").code()).isZero();
        String otherTeam = Long.toString(other.user().teamId().value());

        Run wrong = withInput("nope nope nope\n", "account", "switch", otherTeam, "--stdin");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("invalid password or code");
        Run switched = withInput("correct horse battery\n", "account", "switch", otherTeam, "--stdin");
        assertThat(switched.code()).as(switched.err()).isZero();
        assertThat(switched.out()).contains("as member");
        assertThat(rapport("account", "teams").out().lines().filter(l -> l.startsWith("*")))
                .singleElement().asString().contains(otherTeam);
    }

    @Test
    void ownersManageMembersTokensAndReadTheAuditLog() {
        Session owner = newTeam(Role.OWNER);
        Session colleague = newMember(owner.user().teamId(), Role.MEMBER);
        Run login = withInput("correct horse battery\n", "login", baseUrl(), "--email", owner.email(),
                "--password-stdin");
        assertThat(login.code()).as(login.err()).isZero();
        String invited = "nina-" + System.nanoTime() + "@example.com";

        Run invite = rapport("members", "invite", invited, "--role", "viewer");
        assertThat(invite.code()).as(invite.err()).isZero();
        assertThat(invite.out()).contains("as viewer").contains(baseUrl() + "/invite/");
        assertThat(rapport("members", "invitations").out()).contains(invited).contains("pending");
        assertThat(rapport("members").out()).contains(colleague.email()).contains("member");
        Run promote = rapport("members", "role", colleague.email(), "manager");
        assertThat(promote.code()).as(promote.err()).isZero();
        Run lastOwner = rapport("members", "role", owner.email(), "member");
        assertThat(lastOwner.code()).isEqualTo(1);
        assertThat(lastOwner.err()).contains("last owner");
        Run unknown = rapport("members", "remove", "nobody@example.com");
        assertThat(unknown.err()).contains("no member of this team has the email nobody@example.com");

        Run token = rapport("account", "token-create", "reporting", "--read-only", "--expires", "2026-12-31");
        assertThat(token.code()).as(token.err()).isZero();
        String secret = token.out().lines().filter(l -> l.startsWith("rp_")).findFirst().orElseThrow();
        Api readOnly = new Api(baseUrl(), secret);
        assertThat(readOnly.get("/api/v1/clients").status()).isEqualTo(200);
        assertThat(readOnly.post("/api/v1/clients", Api.json("{'name':'X'}")).status()).isEqualTo(403);
        assertThat(rapport("account", "tokens").out()).contains("reporting").contains("read ").contains("2027-01-01");
        assertThat(rapport("account", "teams").out()).contains("*").contains("owner");
        Run zone = rapport("account", "profile", "--time-zone", "Pacific/Pago_Pago");
        assertThat(zone.code()).as(zone.err()).isZero();
        assertThat(zone.out()).contains("Time zone: Pacific/Pago_Pago").doesNotContain("the team's");
        Run badZone = rapport("account", "profile", "--time-zone", "Mars/Olympus_Mons");
        assertThat(badZone.code()).isEqualTo(1);
        assertThat(badZone.err()).contains("timeZone");
        assertThat(rapport("account", "profile", "--time-zone", "team").out())
                .contains("Time zone: Europe/Amsterdam (the team's)");
        assertThat(rapport("audit").out()).contains("member.role_changed").contains("member.invited")
                .contains("token.created");
    }

    @Test
    void addShowListAndTouchClients() {
        Run add = rapport("client", "add", "Ada Lovelace", "--org", "Engines", "--email", "ada@example.com",
                "--tier", "A", "--tag", "vip", "--depth", "1", "--target-depth", "3");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added client").contains("Ada Lovelace").contains("tier A");

        Run touch = rapport("touch", "ada", "--channel", "phone", "--minutes", "15", "--note", "Quarterly review");
        assertThat(touch.code()).as(touch.err()).isZero();
        assertThat(touch.out()).contains("Recorded outbound phone touch");

        Run show = rapport("client", "show", "Ada Lovelace");
        assertThat(show.out()).contains("Ada Lovelace").contains("Engines").contains("Quarterly review")
                .contains("1 -> 3");

        Run list = rapport("client", "list", "--json");
        JsonNode page = Api.JSON.readTree(list.out());
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo("Ada Lovelace");
    }

    @Test
    void todayShowsTheQueueWithReasons() {
        rapport("client", "add", "Ada Lovelace", "--tier", "A");
        rapport("client", "add", "Bob Builder", "--tier", "C");
        rapport("touch", "Ada", "--channel", "email");
        rapport("touch", "Bob", "--channel", "phone", "--update-request");
        clock.advance(Duration.ofDays(8));
        Run today = rapport("today");
        assertThat(today.code()).as(today.err()).isZero();
        assertThat(today.out()).contains("Attention queue for 2026-12-01: 2 clients")
                .contains("8 days since last touch, tier A allows 7")
                .contains("asked for an update on 2026-11-23 — you were late");
        JsonNode json = Api.JSON.readTree(rapport("today", "--json").out());
        assertThat(json.get("count").asInt()).isEqualTo(2);

        Run snooze = rapport("snooze", "Bob", "--until", "2026-12-05", "--reason", "travelling");
        assertThat(snooze.code()).as(snooze.err()).isZero();
        assertThat(rapport("today").out()).contains("1 client (1 snoozed)");
    }

    @Test
    void badInputGivesOneClearLineAndExitCode1() {
        Run unknownChannel = rapport("client", "add", "Ada");
        assertThat(unknownChannel.code()).isZero();
        Run bad = rapport("touch", "Ada", "--channel", "pigeon");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("channel: must be one of").doesNotContain("Exception");
        Run missing = rapport("touch", "Nobody", "--channel", "phone");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no client matches 'Nobody'");
        Run notFound = rapport("client", "show", "99999999");
        assertThat(notFound.err()).contains("error 404");
        rapport("client", "add", "Ada Two");
        Run ambiguous = rapport("client", "show", "Ada T");
        assertThat(ambiguous.code()).isZero();
        Run several = rapport("client", "show", "Ad");
        assertThat(several.err()).contains("matches several clients");
    }

    @Test
    void withoutLoginTheCliSaysHowToSignIn() throws IOException {
        Files.delete(config.resolve("config.properties"));
        Run today = rapport("today");
        assertThat(today.code()).isEqualTo(1);
        assertThat(today.err()).contains("rapport login");
    }

    @Test
    void logTimeTimersTheDayAndTheChallengeReport() throws IOException {
        rapport("client", "add", "ACME Corp", "--tier", "A");
        Run email = rapport("log", "30m", "email");
        assertThat(email.code()).as(email.err()).isZero();
        assertThat(email.out()).contains("Logged 30 min email on 2026-11-23");
        Run call = rapport("log", "09:00-09:45", "call", "ACME review", "--client", "acme");
        assertThat(call.code()).as(call.err()).isZero();
        assertThat(call.out()).contains("Logged 45 min client_interaction");
        Run yesterday = rapport("log", "2h", "firefighting", "--yesterday");
        assertThat(yesterday.out()).contains("on 2026-11-22");

        assertThat(rapport("timer", "start", "internal_admin").out()).contains("Timer started: internal_admin");
        clock.advance(Duration.ofMinutes(20));
        assertThat(rapport("timer", "status").out()).contains("Running: internal_admin");
        assertThat(rapport("timer", "stop").out()).contains("Logged 20 min internal_admin");
        assertThat(rapport("timer", "status").out()).contains("No timer is running.");

        Run day = rapport("day");
        assertThat(day.code()).as(day.err()).isZero();
        assertThat(day.out()).contains("2026-11-23: 1.6 h logged").contains("ACME review")
                .contains("client_interaction 45m");

        Run report = rapport("report", "challenge", "--week", "--svg", config.resolve("week.svg").toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("24-hour challenge, 2026-11-23 to 2026-11-29")
                .contains("Client interaction").contains("Customer-facing share 47%").contains("Chart saved to");
        assertThat(Files.readString(config.resolve("week.svg"))).startsWith("<svg");

        Run bad = rapport("log", "25h", "email");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("text: '25h' must be more than 0 and at most 24h");
        Run overlap = rapport("log", "09:30-10:00", "email");
        assertThat(overlap.err()).contains("overlaps journal entry");

        assertThat(rapport("challenge", "start").out()).contains("Challenge on: 2026-11-23 to 2026-11-23");
        assertThat(rapport("challenge", "status").out()).contains("(running)");
        assertThat(rapport("today").out()).contains("! 24-hour challenge:");
    }

    @Test
    void ownersAndManagersReadAMembersDealsPromisesAndPlans() {
        assertThat(rapport("deal", "pipeline", "--team").err()).as("a member").contains("403")
                .contains("only owners and managers");
        Session owner = newTeam(Role.OWNER);
        Session ann = newMember(owner.user().teamId(), Role.MEMBER);
        long acme = ann.api().post("/api/v1/clients", Api.json("{'name':'ACME','tier':'A'}")).json().get("id").asLong();
        ann.api().post("/api/v1/clients/" + acme + "/deals", Api.json("{'title':'Elm St 4','amount':400000}"));
        ann.api().post("/api/v1/clients/" + acme + "/promises", Api.json("{'text':'send the survey','dueOn':'2026-11-30'}"));
        ann.api().post("/api/v1/clients/" + acme + "/plans", Api.json(
                "{'name':'ACME 2027','activities':[{'name':'call','frequency':'monthly','minutes':60}]}"));
        assertThat(withInput("correct horse battery\n", "login", baseUrl(), "--email", owner.email(),
                "--password-stdin").code()).isZero();

        assertThat(rapport("deal", "list", "--member", ann.email()).out()).contains("Elm St 4");
        assertThat(rapport("deal", "list").out()).doesNotContain("Elm St 4");
        assertThat(rapport("deal", "list", "--team").out()).contains("Elm St 4").contains(ann.email());
        assertThat(rapport("promise", "list", "--client", "acme").out()).contains("send the survey")
                .contains(ann.email());
        assertThat(rapport("deal", "pipeline", "--team").out()).containsPattern("not started +1 +400000");
        assertThat(rapport("promise", "list", "--member", ann.email()).out()).contains("send the survey")
                .contains("Kept rate, last 90 days: no promises closed yet");
        assertThat(rapport("plan", "check", "--member", ann.email()).out())
                .contains("Plans need 1.0 h a month; they have 0.0 h (none)").contains("ACME 2027");
        assertThat(rapport("deal", "list", "--member", ann.email(), "--team").err()).contains("not both");
        assertThat(rapport("promise", "list", "--member", "nobody@example.com").err())
                .contains("--member: no member of this team has the email nobody@example.com");
    }

    @Test
    void promisesDealsDepthTopAndPlans() {
        rapport("client", "add", "ACME Corp", "--tier", "A");
        Run promise = rapport("promise", "acme", "send the revised quote", "--due", "wed");
        assertThat(promise.code()).as(promise.err()).isZero();
        assertThat(promise.out()).contains("“send the revised quote” due 2026-11-25");
        assertThat(rapport("promise", "list").out()).contains("send the revised quote")
                .contains("Kept rate, last 90 days: no promises closed yet");
        assertThat(rapport("today").out()).contains("you promised “send the revised quote” by 2026-11-25");
        // the kept rate counts promises by due date: one due today is in "the last 90 days"
        Run dueToday = rapport("promise", "acme", "call about the survey", "--due", "today");
        String id = dueToday.out().replaceAll("(?s).*Promise #(\\d+).*", "$1");
        assertThat(rapport("promise", "keep", id).out()).contains("kept");
        assertThat(rapport("promise", "keep", id).err()).contains("error 409");
        assertThat(rapport("promise", "list").out()).contains("100% (1 kept, 0 broken)");
        Run firstPage = rapport("promise", "list", "--all", "--limit", "1");
        assertThat(firstPage.out()).contains("call about the survey").doesNotContain("send the revised quote")
                .contains("more: the same command with --cursor ");
        String cursor = firstPage.out().replaceAll("(?s).*--cursor (\\S+).*", "$1");
        assertThat(rapport("promise", "list", "--all", "--limit", "1", "--cursor", cursor).out())
                .contains("send the revised quote").doesNotContain("call about the survey", "--cursor");
        assertThat(rapport("promise", "list", "--client", "acme", "--limit", "1").err())
                .contains("no --limit or --cursor");

        Run deal = rapport("deal", "add", "acme", "Sale of Elm St 4", "--value", "450000");
        assertThat(deal.out()).contains("(10 milestones)");
        String dealId = deal.out().replaceAll("(?s).*Deal #(\\d+).*", "$1");
        assertThat(rapport("deal", "done", dealId, "listing", "agreement").out()).contains("'listing agreement signed'");
        assertThat(rapport("today").out()).contains("milestone “listing agreement signed” completed on 2026-11-23");
        assertThat(rapport("deal", "pipeline").out()).contains("listing agreement signed").contains("450000");
        assertThat(rapport("deal", "list", "--client", "acme").out()).containsPattern(
                dealId + " +Sale of Elm St 4 +listing agreement signed +450000");
        assertThat(rapport("deal", "list", "--client", "no such client").err()).contains("no such client");

        assertThat(rapport("depth", "acme", "--current", "2", "--target", "3").out()).contains("depth 2 -> target 3");
        assertThat(rapport("top", "set", "acme").out()).contains("Top relationships set: 1");
        assertThat(rapport("top", "rate", "acme", "--now", "6", "--target", "9").out()).contains("gap 3");
        assertThat(rapport("top").out()).contains("ACME Corp").contains("2 -> 3").contains("6 / 9");

        Run plan = rapport("plan", "add", "acme", "ACME 2027", "--activity", "quarterly review:quarterly:120:face_to_face",
                "--activity", "check-in call:monthly:30:phone");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("needs 1.2 h a month");
        assertThat(rapport("plan", "check").out()).contains("Plans need 1.2 h a month; you have 0.0 h (none)")
                .contains("OVERFLOWS");
        assertThat(rapport("plan", "add", "acme", "x", "--activity", "call:sometimes:30").err())
                .contains("activities[0].frequency");
    }

    @Test
    void importsContactsWithADryRunFirstAndExportsThemFiltered() throws IOException {
        Path vcf = config.resolve("contacts.vcf");
        try (var in = getClass().getResourceAsStream("/exchange/corrupt-middle.vcf")) {
            Files.copy(in, vcf);
        }
        Run dry = rapport("import", vcf.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run of contacts.vcf (vCard 4.0, UTF-8): nothing was written.")
                .contains("6 records: 3 new, 0 updated, 0 unchanged, 3 rejected")
                .contains("the card has no END:VCARD before the next BEGIN:VCARD")
                .containsPattern("21 +email +'not-an-email' is not an email address")
                .containsPattern("1 +created +Grace Hopper");
        assertThat(rapport("client", "list").out()).doesNotContain("Grace Hopper");

        Run real = rapport("import", vcf.toString());
        assertThat(real.out()).contains("Imported contacts.vcf").contains("3 new");
        assertThat(rapport("import", vcf.toString()).out()).contains("0 new, 0 updated, 3 unchanged, 3 rejected");

        Path csv = config.resolve("people.csv");
        Files.writeString(csv, "Full Name,E-mail,Mobil\nAda Lovelace,grace@navy.example,+44 20 7946 0018\n");
        Run unmapped = rapport("import", csv.toString());
        assertThat(unmapped.code()).isEqualTo(1);
        assertThat(unmapped.err()).contains("file: unknown column \"Mobil\"");
        Run mapped = rapport("import", csv.toString(), "--map", "Mobil=phone", "--json");
        JsonNode report = Api.JSON.readTree(mapped.out());
        assertThat(report.get("updated").asLong()).isEqualTo(1);
        assertThat(report.get("changes").get(0).get("matchedBy").asString()).isEqualTo("email");

        Path out = config.resolve("grace.csv");
        Run export = rapport("export", out.toString(), "-q", "grace");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported clients to");
        String exported = Files.readString(out);
        assertThat(exported).contains("Grace Hopper").contains("'+44 20 7946 0018").doesNotContain("Alan Turing");
        Path cards = config.resolve("all.vcf");
        assertThat(rapport("export", cards.toString()).code()).isZero();
        assertThat(Files.readString(cards)).contains("FN:Alan Turing").contains("FN:Dorothy Vaughan");
        Run bad = rapport("export", config.resolve("x.csv").toString(), "--status", "sleeping");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("status: must be one of prospect, active, past");
        assertThat(Files.exists(config.resolve("x.csv"))).isFalse();
        assertThat(rapport("export", config.resolve("x.txt").toString()).err()).contains("name the file .csv or .vcf");
    }
}
