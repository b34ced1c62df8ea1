package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.rapport.support.Api;
import dev.rapport.support.MailAppTestBase;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/** `rapport calendar` and `rapport digest` against a server with SMTP; runs once per database. */
abstract class ExchangeCliContract extends MailAppTestBase {
    private static final Pattern FEED = Pattern.compile("(http://rapport\\.test(/ical/[A-Za-z0-9_-]{43}\\.ics))");

    @TempDir
    Path config;

    private String email;

    record Run(int code, String out, String err) {
    }

    Run rapport(String... args) {
        return withInput("", args);
    }

    Run withInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var ctx = new CliContext(config, new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)), Map.of());
        return new Run(Cli.execute(args, ctx), out.toString(), err.toString());
    }

    @BeforeEach
    void signIn() {
        email = newTeam(Role.MEMBER).email();
        Run login = withInput("correct horse battery\n", "login", baseUrl(), "--email", email, "--password-stdin");
        assertThat(login.code()).as(login.err()).isZero();
    }

    /** The feed path printed by a command; the test server's public URL is http://rapport.test. */
    static String feedPath(Run run) {
        Matcher m = FEED.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return m.group(2);
    }

    int status(String path) {
        return new Api(baseUrl(), null).get(path).status();
    }

    @Test
    void calendarUrlRegenerateAndRevoke() {
        Run url = rapport("calendar", "url");
        assertThat(url.code()).as(url.err()).isZero();
        assertThat(url.out()).contains("Calendar feed created.").contains("webcal://rapport.test/ical/");
        String first = feedPath(url);
        assertThat(status(first)).isEqualTo(200);

        Run again = rapport("calendar", "url");
        assertThat(again.out()).contains("You have a calendar feed (made 2026-11-23 10:00, last read 2026-11-23 10:00)")
                .contains("rapport calendar regenerate").doesNotContain("/ical/");

        Run regenerated = rapport("calendar", "regenerate");
        String second = feedPath(regenerated);
        assertThat(regenerated.out()).contains("the old one no longer works");
        assertThat(status(first)).isEqualTo(404);
        assertThat(status(second)).isEqualTo(200);

        JsonNode json = Api.JSON.readTree(rapport("calendar", "url", "--json").out());
        assertThat(json.get("active").asBoolean()).isTrue();

        Run revoke = rapport("calendar", "revoke");
        assertThat(revoke.code()).isZero();
        assertThat(revoke.out()).contains("revoked");
        assertThat(status(second)).isEqualTo(404);
    }

    @Test
    void digestShowOnOffHourAndSendTest() throws Exception {
        Run show = rapport("digest", "show");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("Daily digest: on, from 07:00 (Europe/Amsterdam) to " + email)
                .contains("next: 2026-11-23");
        assertThat(rapport("digest", "hour", "9").out()).contains("on, from 09:00");
        assertThat(rapport("digest", "off").out()).contains("Daily digest: off, from 09:00").contains("next: -");
        assertThat(rapport("digest", "on").out()).contains("Daily digest: on, from 09:00");
        Run bad = rapport("digest", "hour", "24");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("hour: must be an hour from 0 to 23");
        JsonNode json = Api.JSON.readTree(rapport("digest", "show", "--json").out());
        assertThat(json.get("hour").asInt()).isEqualTo(9);

        Run test = rapport("digest", "send-test");
        assertThat(test.code()).as(test.err()).isZero();
        assertThat(test.out()).contains("Test digest sent to " + email);
        assertThat(mailTo(email)).singleElement().satisfies(m -> assertThat(m.getSubject()).startsWith("[Test] Rapport"));
    }
}
