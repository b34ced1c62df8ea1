package dev.rapport.api;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.rapport.attention.HoneymoonJob;
import dev.rapport.support.Api;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.WebClient;
import dev.rapport.teams.Role;
import tools.jackson.databind.JsonNode;

/** The nightly honeymoon job, its stored flags in the queue and the report; runs once per database. */
abstract class HoneymoonContract extends AppTestBase {
    @Autowired
    HoneymoonJob job;

    static String daysAgo(Instant now, int days) {
        return now.minus(Duration.ofDays(days)).toString();
    }

    /** Tier B clients created on 2026-09-01 and signed on 2026-11-23 (S); the clock then stands at S + 74. */
    private long[] signed(Api api, String... names) {
        clock.set(Instant.parse("2026-09-01T09:00:00Z"));
        long[] ids = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            ids[i] = api.post("/api/v1/clients", json("{'name':'" + names[i] + "','tier':'B','signedOn':'2026-11-23'}"))
                    .json().get("id").asLong();
        }
        clock.set(Instant.parse("2027-02-05T09:00:00Z"));
        return ids;
    }

    /** A phone call every 6 days from {@code from} days ago to after {@code to} days ago, for each client. */
    private static void calls(Api api, Instant now, int from, int to, long... clients) {
        for (int d = from; d > to; d -= 6) {
            for (long client : clients) {
                api.post("/api/v1/clients/" + client + "/touches", json("{'channel':'phone','at':'" + daysAgo(now, d)
                        + "'}"));
            }
        }
    }

    @Test
    void aDropAfterSigningIsStoredFlaggedInTheQueueAndReported() {
        var owner = newTeam(Role.OWNER);
        Api api = owner.api();
        long[] ids = signed(api, "Ada", "Bob");
        long ada = ids[0];
        long bob = ids[1];
        Instant now = clock.instant();
        calls(api, now, 150, 74, ada, bob);
        calls(api, now, 40, 0, bob);
        api.post("/api/v1/clients/" + ada + "/touches", json("{'channel':'email','at':'" + daysAgo(now, 30) + "'}"));

        assertThat(job.run()).isGreaterThanOrEqualTo(2);
        JsonNode report = api.get("/api/v1/reports/honeymoon").json();
        assertThat(report.size()).isEqualTo(1);
        assertThat(report.get(0).get("name").asString()).isEqualTo("Ada");
        assertThat(report.get(0).get("afterPerMonth").asDouble()).isLessThan(report.get(0).get("beforePerMonth")
                .asDouble() / 2);

        assertThat(api.get("/api/v1/clients/" + ada).json().get("honeymoonDrop").get("afterPerMonth").asDouble())
                .isLessThan(2.0);
        // and on the client's page
        WebClient browser = new WebClient(baseUrl());
        assertThat(browser.signIn(owner.email(), "correct horse battery").location()).isEqualTo("/");
        assertThat(browser.get("/clients/" + ada).body()).contains("Honeymoon drop: 13.0 weighted touches a month "
                + "before signing, 0.7 after");
        assertThat(browser.get("/clients/" + bob).body()).doesNotContain("Honeymoon drop:");
        assertThat(api.get("/api/v1/clients/" + bob).json().get("honeymoonDrop").isNull()).isTrue();
        JsonNode entry = api.get("/api/v1/queue").json().get("entries").get(0);
        assertThat(entry.get("clientId").asLong()).isEqualTo(ada);
        assertThat(entry.get("reasons").toString()).contains("honeymoon")
                .contains("weighted touches per month fell from");

        // once the client is touched, it is no longer due: the stored flag alone does not queue it
        api.post("/api/v1/clients/" + ada + "/touches", json("{'channel':'phone'}"));
        assertThat(api.get("/api/v1/queue").json().get("count").asInt()).isZero();

        var member = newMember(owner.user().teamId(), Role.MEMBER);
        assertThat(member.api().get("/api/v1/reports/honeymoon").json().isEmpty()).isTrue();
        assertThat(member.api().get("/api/v1/reports/honeymoon?team=true").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reports/honeymoon?team=true").json().size()).isEqualTo(1);
        assertThat(newTeam(Role.OWNER).api().get("/api/v1/reports/honeymoon?team=true").json().isEmpty()).isTrue();
    }

    /** A flag belongs to the signing date it was computed from: a new date is evaluated at once. */
    @Test
    void changingTheSigningDateEvaluatesTheFlagAgainAtOnce() {
        Api api = newTeam(Role.OWNER).api();
        long ada = signed(api, "Ada")[0];
        calls(api, clock.instant(), 150, 74, ada);
        job.run();
        assertThat(api.get("/api/v1/reports/honeymoon").json().size()).isEqualTo(1);

        // no signing date any more: the flag goes with it, in the queue, on the client and in the report
        assertThat(api.put("/api/v1/clients/" + ada, json("{'name':'Ada','tier':'B','signedOn':null}")).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/clients/" + ada).json().get("honeymoonDrop").isNull()).isTrue();
        assertThat(api.get("/api/v1/reports/honeymoon").json().isEmpty()).isTrue();
        assertThat(api.get("/api/v1/queue").json().get("entries").toString()).doesNotContain("honeymoon");

        // signed again on the old date: flagged again without waiting for the night
        api.put("/api/v1/clients/" + ada, json("{'name':'Ada','tier':'B','signedOn':'2026-11-23'}"));
        assertThat(api.get("/api/v1/reports/honeymoon").json().size()).isEqualTo(1);
        assertThat(api.get("/api/v1/queue").json().get("entries").toString()).contains("honeymoon");

        // signed too recently for an after window (S + 16): nothing to flag yet
        api.put("/api/v1/clients/" + ada, json("{'name':'Ada','tier':'B','signedOn':'2027-01-20'}"));
        assertThat(api.get("/api/v1/clients/" + ada).json().get("honeymoonDrop").isNull()).isTrue();
        assertThat(api.get("/api/v1/reports/honeymoon").json().isEmpty()).isTrue();
    }
}
