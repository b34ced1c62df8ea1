package dev.rapport.exchange;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import dev.rapport.shared.TeamId;
import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.Role;
import dev.rapport.teams.TokenScope;

/**
 * The calendar feed end to end: API, the public ICS URL, what it shows and to whom; runs once per
 * database. Also the digest's API on a server without SMTP (this context has none).
 */
abstract class CalendarFeedContract extends AppTestBase {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    DigestJob digestJob;
    @Autowired
    CalendarFeedRepository feedRepository;

    /** Creates (or regenerates) the caller's feed and returns its path. */
    String issue(Api api) {
        Response r = api.post("/api/v1/me/calendar-feed", null);
        assertThat(r.status()).isEqualTo(201);
        String url = r.json().get("url").asString();
        assertThat(url).startsWith(baseUrl() + "/ical/").endsWith(".ics");
        assertThat(r.json().get("webcalUrl").asString()).isEqualTo(url.replace("http://", "webcal://"));
        return URI.create(url).getPath();
    }

    HttpResponse<String> fetch(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** UID -> SUMMARY of a fetched feed, after checking it parses. */
    Map<String, VEvent> events(String path) throws Exception {
        HttpResponse<String> r = fetch(path, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(r.body()));
        return calendar.getComponents("VEVENT").stream().map(VEvent.class::cast)
                .collect(Collectors.toMap(e -> e.getUid().orElseThrow().getValue(), e -> e));
    }

    static String summary(VEvent e) {
        return e.getSummary().getValue();
    }

    static long id(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void aFeedShowsOnlyTheCallersOwnFollowUpsPromisesAndMilestones() throws Exception {
        var me = newTeam(Role.MEMBER);
        var colleague = newMember(me.user().teamId(), Role.OWNER);
        var stranger = newTeam(Role.OWNER);
        long ada = id(me.api().post("/api/v1/clients", json("{'name':'Ada Own','tier':'A'}")));
        long promise = id(me.api().post("/api/v1/clients/" + ada + "/promises",
                json("{'text':'send the quote','dueOn':'2026-11-24'}")));
        long deal = id(me.api().post("/api/v1/clients/" + ada + "/deals", json("{'title':'Elm St 4'}")));
        me.api().post("/api/v1/deals/" + deal + "/complete", json("{'milestone':'0'}"));
        long theirs = id(colleague.api().post("/api/v1/clients", json("{'name':'Colleague Client','tier':'A'}")));
        colleague.api().post("/api/v1/clients/" + theirs + "/promises",
                json("{'text':'colleague promise','dueOn':'2026-11-24'}"));
        stranger.api().post("/api/v1/clients", json("{'name':'Other Team Client','tier':'A'}"));
        issue(colleague.api());
        issue(stranger.api());

        String path = issue(me.api());
        HttpResponse<String> r = fetch(path, null); // no session, no token: the URL is the credential
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v.replace(" ", "").toLowerCase(java.util.Locale.ROOT)).isEqualTo("text/calendar;charset=utf-8"));
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("private").contains("max-age=900");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(fetch(path, etag).statusCode()).isEqualTo(304);

        Map<String, VEvent> events = events(path);
        assertThat(events.keySet()).containsExactlyInAnyOrder("followup-" + ada + "-2026-11-23@rapport",
                "promise-" + promise + "@rapport", "milestone-" + deal + "-0@rapport");
        assertThat(summary(events.get("followup-" + ada + "-2026-11-23@rapport"))).isEqualTo("Contact Ada Own");
        assertThat(summary(events.get("promise-" + promise + "@rapport"))).isEqualTo("Promise to Ada Own: send the quote");
        assertThat(events.get("promise-" + promise + "@rapport").getDateTimeStart().getDate())
                .isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(summary(events.get("milestone-" + deal + "-0@rapport")))
                .isEqualTo("Tell Ada Own: listing agreement signed (Elm St 4)");
        assertThat(r.body()).doesNotContain("Colleague").doesNotContain("colleague promise")
                .doesNotContain("Other Team").contains("DTSTAMP:20261123T090000Z");

        Response status = me.api().get("/api/v1/me/calendar-feed");
        assertThat(status.json().get("active").asBoolean()).isTrue();
        assertThat(status.json().get("lastFetchedAt").asString()).isEqualTo("2026-11-23T09:00:00Z");
        assertThat(status.body()).doesNotContain(path.substring(6, 40));
        // a new secret URL is a security event the team's owners see (never the secret itself)
        String audit = colleague.api().get("/api/v1/team/audit").body();
        assertThat(audit).contains("calendar.feed.created").doesNotContain(path.substring(6, 40));
    }

    @Test
    void aColleaguesMilestoneOnMySharedClientIsInMyFeedAsInTheirs() throws Exception {
        var me = newTeam(Role.MEMBER);
        var colleague = newMember(me.user().teamId(), Role.MEMBER);
        long sol = id(me.api().post("/api/v1/clients", json("{'name':'Sol Shared','tier':'C','shared':true}")));
        long deal = id(colleague.api().post("/api/v1/clients/" + sol + "/deals", json("{'title':'Pine Rd 1'}")));
        colleague.api().post("/api/v1/deals/" + deal + "/complete", json("{'milestone':'0'}"));
        for (var who : List.of(me, colleague)) {
            VEvent milestone = events(issue(who.api())).get("milestone-" + deal + "-0@rapport");
            assertThat(summary(milestone)).isEqualTo("Tell Sol Shared: listing agreement signed (Pine Rd 1)");
        }
    }

    /** The owner's queue shows a colleague's promise to the client, and so does the owner's calendar. */
    @Test
    void aColleaguesPromiseToMySharedClientIsInMyFeedAsInTheirs() throws Exception {
        var me = newTeam(Role.MEMBER);
        var colleague = newMember(me.user().teamId(), Role.MEMBER);
        long sol = id(me.api().post("/api/v1/clients", json("{'name':'Sol Shared','tier':'C','shared':true}")));
        long promise = id(colleague.api().post("/api/v1/clients/" + sol + "/promises",
                json("{'text':'send the survey','dueOn':'2026-12-20'}")));
        VEvent mine = events(issue(me.api())).get("promise-" + promise + "@rapport");
        assertThat(summary(mine)).isEqualTo("Promise to Sol Shared by " + colleague.user().displayName()
                + ": send the survey");
        VEvent theirs = events(issue(colleague.api())).get("promise-" + promise + "@rapport");
        assertThat(summary(theirs)).isEqualTo("Promise to Sol Shared: send the survey");
        colleague.api().post("/api/v1/promises/" + promise + "/keep", null);
        assertThat(events(issue(me.api()))).doesNotContainKey("promise-" + promise + "@rapport");
    }

    @Test
    void regeneratingKillsTheOldUrlKeepsTheUidsAndRevokingAnswers404() throws Exception {
        var me = newTeam(Role.MEMBER);
        long ada = id(me.api().post("/api/v1/clients", json("{'name':'Ada','tier':'B'}")));
        me.api().post("/api/v1/clients/" + ada + "/promises", json("{'text':'call back','dueOn':'2026-12-01'}"));
        String first = issue(me.api());
        Map<String, VEvent> before = events(first);

        String second = issue(me.api());
        assertThat(second).isNotEqualTo(first);
        assertThat(fetch(first, null).statusCode()).isEqualTo(404);
        assertThat(events(second).keySet()).isEqualTo(before.keySet()).hasSize(2);

        assertThat(me.api().delete("/api/v1/me/calendar-feed").status()).isEqualTo(204);
        assertThat(fetch(second, null).statusCode()).isEqualTo(404);
        assertThat(me.api().get("/api/v1/me/calendar-feed").json().get("active").asBoolean()).isFalse();
        assertThat(me.api().delete("/api/v1/me/calendar-feed").status()).isEqualTo(204);
        assertThat(fetch("/ical/" + "A".repeat(43) + ".ics", null).statusCode()).isEqualTo(404);
        assertThat(fetch("/ical/nonsense.ics", null).statusCode()).isEqualTo(404);
        assertThat(new Api(baseUrl(), null).get("/api/v1/me/calendar-feed").status()).isEqualTo(401);
        assertThat(new Api(baseUrl(), null).post("/api/v1/me/calendar-feed", null).status()).isEqualTo(401);
    }

    @Test
    void hostileNotesStayInsideTheirOwnEvent() throws Exception {
        var me = newTeam(Role.MEMBER);
        long ada = id(me.api().post("/api/v1/clients", json("{'name':'Ada; \\\"the\\\" <b>boss</b>, Ltd','tier':'C'}")));
        String text = "quote, v2; final\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\\r\\nUID:evil@x\\r\\nSUMMARY:pwned";
        long promise = id(me.api().post("/api/v1/clients/" + ada + "/promises",
                "{\"text\":\"" + text + "\",\"dueOn\":\"2026-11-25\"}"));
        String path = issue(me.api());
        Map<String, VEvent> events = events(path);
        assertThat(events).hasSize(2).doesNotContainKey("evil@x");
        VEvent p = events.get("promise-" + promise + "@rapport");
        assertThat(summary(p)).isEqualTo("Promise to Ada; \"the\" <b>boss</b>, Ltd: quote, v2; final END:VEVENT "
                + "BEGIN:VEVENT UID:evil@x SUMMARY:pwned");
        assertThat(p.getDescription().getValue()).endsWith("quote, v2; final\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil@x\nSUMMARY:pwned");
    }

    @Test
    void datesAreTheUsersLocalDaysAcrossTheDstChange() throws Exception {
        TeamId team = accounts.createTeam("New York office", "America/New_York");
        var me = newMember(team, Role.MEMBER);
        // 23:30 EST on 1 November, the day New York left daylight time; already 2 November in UTC
        clock.set(Instant.parse("2026-11-02T04:30:00Z"));
        long ada = id(me.api().post("/api/v1/clients", json("{'name':'Ada','tier':'A'}")));
        long deal = id(me.api().post("/api/v1/clients/" + ada + "/deals", json("{'title':'Park Ave'}")));
        me.api().post("/api/v1/deals/" + deal + "/complete", json("{'milestone':'0'}"));
        String path = issue(me.api());
        HttpResponse<String> raw = fetch(path, null);
        assertThat(raw.body()).contains("X-WR-TIMEZONE:America/New_York");
        Map<String, VEvent> events = events(path);
        assertThat(events.get("milestone-" + deal + "-0@rapport").getDateTimeStart().getDate())
                .isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(events.get("milestone-" + deal + "-0@rapport").getDescription().getValue())
                .contains("completed at 23:30 (America/New_York)");
        assertThat(events).containsKey("followup-" + ada + "-2026-11-01@rapport");
        assertThat(raw.body()).contains("DTSTART;VALUE=DATE:20261101").doesNotContain("DTSTART;VALUE=DATE:20261102");
    }

    @Test
    void aViewerMayHaveAFeedButOwnsNothingToShow() throws Exception {
        var owner = newTeam(Role.OWNER);
        var viewer = newMember(owner.user().teamId(), Role.VIEWER);
        long ada = id(owner.api().post("/api/v1/clients", json("{'name':'Ada Owned','tier':'A'}")));
        owner.api().post("/api/v1/clients/" + ada + "/promises", json("{'text':'x','dueOn':'2026-11-24'}"));
        String path = issue(viewer.api());
        assertThat(events(path)).isEmpty();
        assertThat(fetch(path, null).body()).contains("BEGIN:VCALENDAR").doesNotContain("Ada Owned");
    }

    @Test
    void aMemberRemovedFromTheTeamLosesTheFeedAtOnce() throws Exception {
        var owner = newTeam(Role.OWNER);
        var member = newMember(owner.user().teamId(), Role.MEMBER);
        String path = issue(member.api());
        assertThat(fetch(path, null).statusCode()).isEqualTo(200);
        assertThat(owner.api().delete("/api/v1/team/members/" + member.userId().value()).status()).isEqualTo(204);
        assertThat(fetch(path, null).statusCode()).isEqualTo(404);
        assertThat(feedRepository.find(owner.user().teamId(), member.userId())).isEmpty(); // gone, not just inert
    }

    @Test
    void aReadOnlyTokenReadsButCannotMintOrChangeAnything() throws Exception {
        var me = newTeam(Role.MEMBER);
        String path = issue(me.api());
        Api readOnly = new Api(baseUrl(), accounts.issueToken(me.user(), "reporting", TokenScope.READ, null).token());
        assertThat(readOnly.get("/api/v1/me/calendar-feed").json().get("active").asBoolean()).isTrue();
        assertThat(readOnly.post("/api/v1/me/calendar-feed", null).status()).isEqualTo(403);
        assertThat(readOnly.delete("/api/v1/me/calendar-feed").status()).isEqualTo(403);
        assertThat(readOnly.get("/api/v1/me/digest").status()).isEqualTo(200);
        assertThat(readOnly.put("/api/v1/me/digest", json("{'enabled':false}")).status()).isEqualTo(403);
        assertThat(readOnly.post("/api/v1/me/digest/test", null).status()).isEqualTo(403);
        assertThat(fetch(path, null).statusCode()).isEqualTo(200);
        assertThat(me.api().get("/api/v1/me/digest").json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void withoutSmtpTheDigestIsOffButItsSettingIsKept() {
        var me = newTeam(Role.VIEWER);
        Response status = me.api().get("/api/v1/me/digest");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("mailConfigured").asBoolean()).isFalse();
        assertThat(status.json().get("enabled").asBoolean()).isTrue();
        assertThat(status.json().get("hour").asInt()).isEqualTo(7);
        assertThat(status.json().get("timeZone").asString()).isEqualTo("Europe/Amsterdam");
        assertThat(status.json().get("nextOn").isNull()).isTrue();

        Response changed = me.api().put("/api/v1/me/digest", json("{'hour':9}"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("hour").asInt()).isEqualTo(9);
        assertThat(changed.json().get("enabled").asBoolean()).isTrue();
        assertThat(Api.fields(me.api().put("/api/v1/me/digest", json("{'hour':24}")))).containsExactly("hour");
        assertThat(me.api().get("/api/v1/me/digest").json().get("hour").asInt()).isEqualTo(9);

        Response test = me.api().post("/api/v1/me/digest/test", null);
        assertThat(test.status()).isEqualTo(409);
        assertThat(test.json().get("detail").asString()).contains("no SMTP settings");
        assertThat(digestJob.run()).isEqualTo(-1);
    }

    @Test
    void theOpenApiDocumentDescribesTheNewEndpoints() {
        String doc = new Api(baseUrl(), null).get("/api/openapi.json").body();
        assertThat(doc).contains("/api/v1/me/calendar-feed").contains("/api/v1/me/digest")
                .contains("/api/v1/me/digest/test");
    }
}
