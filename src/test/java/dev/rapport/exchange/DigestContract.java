package dev.rapport.exchange;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import dev.rapport.exchange.DigestRepository.Member;
import dev.rapport.shared.JobLock;
import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.MailAppTestBase;
import dev.rapport.support.MutableClock;
import dev.rapport.teams.Role;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The daily digest with a real SMTP server (GreenMail): once per user and day whatever runs it,
 * what it shows, unsubscribing, and that it is never a touch; runs once per database.
 * The test clock starts at 09:00 UTC, 10:00 in the test teams' Europe/Amsterdam.
 */
abstract class DigestContract extends MailAppTestBase {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern UNSUBSCRIBE = Pattern.compile("<http://rapport\\.test(/digest/unsubscribe\\?token=[A-Za-z0-9_-]{43})>");

    @Autowired
    DigestJob job;
    @Autowired
    DigestService digests;
    @Autowired
    DigestRepository repo;
    @Autowired
    DigestComposer composer;
    @Autowired
    DigestMailer mailer;
    @Autowired
    CalendarLinks links;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JobLock lock;

    @BeforeEach
    void freeTheJobLock() {
        // tests move the clock back and forth; a lease taken "later" by another test must not block this one
        lock.release(DigestJob.JOB, MutableClock.START.minus(Duration.ofDays(1)));
    }

    /** A member with one client of their own that is due today. */
    Session withDueClient(String clientName) {
        Session s = newTeam(Role.MEMBER);
        s.api().post("/api/v1/clients", "{\"name\":\"" + clientName.replace("\"", "\\\"") + "\",\"tier\":\"A\"}");
        return s;
    }

    static String text(MimeMessage m, int part) throws Exception {
        return ((MimeMultipart) m.getContent()).getBodyPart(part).getContent().toString();
    }

    @Test
    void oneDigestPerUserAndDayHoweverOftenTheJobRunsAndOneMoreTheNextDay() throws Exception {
        Session me = withDueClient("Ada Lovelace");
        assertThat(job.run()).isGreaterThanOrEqualTo(1);
        assertThat(job.run()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(job.run()).isZero();
        assertThat(mailTo(me.email())).hasSize(1);
        Response status = me.api().get("/api/v1/me/digest");
        assertThat(status.json().get("lastSentOn").asString()).isEqualTo("2026-11-23");
        assertThat(status.json().get("nextOn").asString()).isEqualTo("2026-11-24");

        // the next day at 06:59 local it waits for its hour, at 07:00 it goes
        clock.set(Instant.parse("2026-11-24T05:59:00Z"));
        job.run();
        assertThat(mailTo(me.email())).hasSize(1);
        clock.set(Instant.parse("2026-11-24T06:00:00Z"));
        job.run();
        job.run();
        assertThat(mailTo(me.email())).hasSize(2);
        assertThat(mailTo(me.email()).get(1).getSubject()).isEqualTo("Rapport, Tue 24 Nov: 1 client needs you");
    }

    @Test
    void racingRunnersOnTwoThreadsAndTwoInstancesSendEachDigestOnce() throws Exception {
        List<Session> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            users.add(withDueClient("Client " + i));
        }
        // two jobs on two threads: the job lock lets one run, the other steps aside
        race(() -> job.run(), () -> job.run());
        for (Session u : users) {
            assertThat(mailTo(u.email())).as(u.email()).hasSize(1);
        }

        // two app instances without the lock (as when a lease runs out mid-run): the day's claim decides
        clock.advance(Duration.ofDays(1));
        DigestService other = new DigestService(repo, accounts, composer, mailer, links, events, clock);
        Instant now = clock.instant();
        race(() -> digests.sendDue(now), () -> other.sendDue(now), () -> digests.sendDue(now));
        for (Session u : users) {
            assertThat(mailTo(u.email())).as(u.email()).hasSize(2);
        }
    }

    @SafeVarargs
    private static void race(Callable<Integer>... runners) throws Exception {
        CyclicBarrier start = new CyclicBarrier(runners.length);
        ExecutorService pool = Executors.newFixedThreadPool(runners.length);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> r : runners) {
                results.add(pool.submit(() -> {
                    start.await();
                    return r.call();
                }));
            }
            for (Future<Integer> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimLeftByACrashIsRetriedAfterThirtyMinutesAtMostThreeTimes() {
        Session me = withDueClient("Ada");
        LocalDate today = LocalDate.of(2026, 11, 23);
        Member member = new Member(me.user().teamId(), me.userId());
        assertThat(repo.claim(member, today, clock.instant(), "an instance that died")).isTrue();
        digests.sendDue(clock.instant());
        assertThat(mailTo(me.email())).isEmpty();

        clock.advance(Duration.ofMinutes(31));
        digests.sendDue(clock.instant());
        digests.sendDue(clock.instant());
        assertThat(mailTo(me.email())).hasSize(1);
        assertThat(repo.claim(me.user().teamId(), me.userId(), today).orElseThrow().attempts()).isEqualTo(2);

        // a claim that already used its attempts stays unsent
        Session other = withDueClient("Bob");
        Member second = new Member(other.user().teamId(), other.userId());
        repo.claim(second, today, clock.instant(), "x");
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(31));
            repo.reclaim(second, today, clock.instant(), clock.instant().minus(Duration.ofMinutes(30)), 3, "y");
        }
        clock.advance(Duration.ofMinutes(31));
        digests.sendDue(clock.instant());
        assertThat(mailTo(other.email())).isEmpty();
    }

    @Test
    void theDigestIsMultipartShowsOnlyTheUsersOwnDataEscapedAndIsNeverATouch() throws Exception {
        Session me = withDueClient("<script>alert('x')</script> & Sons");
        var colleague = newMember(me.user().teamId(), Role.OWNER);
        colleague.api().post("/api/v1/clients", json("{'name':'Colleague Client','tier':'A'}"));
        var stranger = withDueClient("Other Team Client");
        long ada = me.api().get("/api/v1/clients").json().get("items").get(0).get("id").asLong();
        me.api().post("/api/v1/clients/" + ada + "/promises", json("{'text':'send the quote','dueOn':'2026-11-24'}"));
        me.api().post("/api/v1/journal/entries/quick", json("{'text':'09:00-10:30 email','date':'2026-11-22'}"));

        digests.sendDue(clock.instant());
        List<MimeMessage> mail = mailTo(me.email());
        assertThat(mail).hasSize(1);
        MimeMessage m = mail.get(0);
        assertThat(m.getSubject()).isEqualTo("Rapport, Mon 23 Nov: 1 client needs you, 1 promise due");
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart plain = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(plain.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(m.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        String text = text(m, 0);
        assertThat(text).contains("- <script>alert('x')</script> & Sons, tier A: never touched since added on 2026-11-23")
                .contains("- tomorrow, to <script>alert('x')</script> & Sons: send the quote")
                .contains("YESTERDAY, Sunday 22 November 2026").contains("Logged 1 h 30 min in 1 entry")
                .contains("http://rapport.test/clients/" + ada);
        String body = text(m, 1);
        assertThat(body).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Sons");
        assertThat(text + body).doesNotContain("Colleague Client").doesNotContain("Other Team Client");
        assertThat(mailTo(stranger.email()).get(0).getContent().toString()).isNotNull();
        assertThat(text(mailTo(stranger.email()).get(0), 0)).doesNotContain("script").contains("Other Team Client");

        // a digest is not a touch: the client's cadence still runs from nothing
        Response client = me.api().get("/api/v1/clients/" + ada);
        assertThat(client.json().get("lastTouchAt").isNull()).isTrue();
        assertThat(me.api().get("/api/v1/clients/" + ada + "/timeline").json().get("items").size()).isZero();
        assertThat(me.api().get("/api/v1/queue").json().get("entries").get(0).get("reasons").get(0).get("code")
                .asString()).isEqualTo("due");
    }

    @Test
    void theUnsubscribeLinkAsksOnGetStopsOnPostAndNothingIsSentAfter() throws Exception {
        Session me = withDueClient("Ada");
        digests.sendDue(clock.instant());
        MimeMessage m = mailTo(me.email()).get(0);
        Matcher link = UNSUBSCRIBE.matcher(m.getHeader("List-Unsubscribe")[0]);
        assertThat(link.matches()).isTrue();
        assertThat(text(m, 0)).contains("Unsubscribe: http://rapport.test" + link.group(1));

        // mail scanners follow links: a GET only asks
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + link.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stop the daily digest?").contains(me.email()).contains("Unsubscribe");
        assertThat(me.api().get("/api/v1/me/digest").json().get("enabled").asBoolean()).isTrue();

        // RFC 8058 one-click, as a mail provider sends it: no session, no CSRF token
        HttpResponse<String> done = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + link.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You are unsubscribed");
        assertThat(me.api().get("/api/v1/me/digest").json().get("enabled").asBoolean()).isFalse();

        clock.advance(Duration.ofDays(1));
        digests.sendDue(clock.instant());
        assertThat(mailTo(me.email())).hasSize(1);

        String bogus = "/digest/unsubscribe?token=" + URLEncoder.encode("A".repeat(43), StandardCharsets.UTF_8);
        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + bogus)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link does not work");
    }

    @Test
    void theHourIsTheUsersOwnQuietDaysSendNothingAndTestsAlwaysGo() throws Exception {
        Session late = withDueClient("Ada");
        assertThat(late.api().put("/api/v1/me/digest", json("{'hour':11}")).json().get("hour").asInt()).isEqualTo(11);
        var viewer = newMember(late.user().teamId(), Role.VIEWER); // owns nothing, logs nothing
        Session off = withDueClient("Bob");
        off.api().put("/api/v1/me/digest", json("{'enabled':false}"));

        digests.sendDue(clock.instant()); // 10:00 in Amsterdam
        assertThat(mailTo(late.email())).isEmpty();
        assertThat(mailTo(viewer.email())).isEmpty();
        assertThat(mailTo(off.email())).isEmpty();
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        digests.sendDue(clock.instant());
        assertThat(mailTo(late.email())).hasSize(1);
        assertThat(mailTo(viewer.email())).isEmpty();
        assertThat(mailTo(off.email())).isEmpty();

        Response test = viewer.api().post("/api/v1/me/digest/test", null);
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.json().get("sentTo").asString()).isEqualTo(viewer.email());
        assertThat(mailTo(viewer.email())).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("[Test] Rapport, Mon 23 Nov: nobody waiting"));
        assertThat(Api.fields(off.api().put("/api/v1/me/digest", json("{'hour':-1}")))).containsExactly("hour");
    }
}
