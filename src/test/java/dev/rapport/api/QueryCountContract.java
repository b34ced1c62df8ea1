package dev.rapport.api;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.rapport.support.Api;
import dev.rapport.support.Api.Response;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.SqlLog;
import dev.rapport.teams.Role;

/**
 * No N+1: the main endpoints, and recording a touch with its rollups, run the same number of SQL
 * statements for a member with 2 clients as for one with 20 (each with touches, a promise, a deal, a
 * plan and journal time), within a budget.
 */
@Import(SqlLog.Config.class)
abstract class QueryCountContract extends AppTestBase {
    private static final String[] CATEGORIES = {"client_interaction", "email", "firefighting", "internal_admin"};
    private static final String TIMED_TOUCH = "POST /api/v1/clients/{id}/touches (timed)";
    /** The most statements one request of these may run, authentication included. */
    private static final int BUDGET = 20;
    /** Recording a timed touch with every rollup it keeps (PostgreSQL: with the rollup gate). */
    private static final int TOUCH_BUDGET = 20;

    @Autowired
    SqlLog sqlLog;

    @Test
    void theMainEndpointsRunAFixedNumberOfStatementsWhateverTheData() {
        var owner = newTeam(Role.OWNER);
        var member = newMember(owner.user().teamId(), Role.MEMBER);
        List<String> clients = new ArrayList<>();
        grow(member.api(), clients, 2);
        String first = clients.get(0);
        Map<String, Integer> small = counts(owner.api(), member.api(), first);
        grow(member.api(), clients, 18);
        Map<String, Integer> large = counts(owner.api(), member.api(), first);

        assertThat(large).as("statements per request with 20 clients, next to 2 clients: " + small)
                .isEqualTo(small);
        assertThat(large).as("statements per request").allSatisfy((path, n) ->
                assertThat(n).as(path).isBetween(1, BUDGET));
        assertThat(large.get(TIMED_TOUCH)).as(TIMED_TOUCH).isLessThanOrEqualTo(TOUCH_BUDGET);
    }

    private Map<String, Integer> counts(Api owner, Api member, String client) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/queue", "/api/v1/clients", "/api/v1/clients/" + client,
                "/api/v1/clients/" + client + "/timeline", "/api/v1/promises", "/api/v1/deals",
                "/api/v1/deals/pipeline", "/api/v1/plans", "/api/v1/plans/sustainability", "/api/v1/top",
                "/api/v1/journal/day", "/api/v1/reports/honeymoon", "/api/v1/exports/clients.csv")) {
            out.put(path, count(member, path));
        }
        out.put("/api/v1/team/dashboard (owner)", count(owner, "/api/v1/team/dashboard"));
        out.put("/api/v1/clients (owner: the whole team)", count(owner, "/api/v1/clients"));
        out.put(TIMED_TOUCH, countPost(member, "/api/v1/clients/" + client
                + "/touches", "{'channel':'phone','minutes':5}"));
        return out;
    }

    /** A write that keeps rollups: the second of two, so the day's rows exist as they usually do. */
    private int countPost(Api api, String path, String body) {
        assertThat(api.post(path, json(body)).status()).as(path).isEqualTo(201);
        sqlLog.drain();
        Response r = api.post(path, json(body));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(201);
        return sqlLog.drain().size();
    }

    private int count(Api api, String path) {
        assertThat(api.get(path).status()).as(path).isEqualTo(200); // warm: first-use caches aside
        sqlLog.drain();
        Response r = api.get(path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return sqlLog.drain().size();
    }

    private static void grow(Api member, List<String> clients, int n) {
        for (int i = 0; i < n; i++) {
            int k = clients.size();
            String c = created(member, "/api/v1/clients", "{'name':'Client " + k + "','tier':'A','emails':['c" + k
                    + "-" + System.nanoTime() + "@example.com'],'tags':['t" + k + "']}");
            clients.add(c);
            created(member, "/api/v1/clients/" + c + "/touches", "{'channel':'phone','minutes':10}");
            created(member, "/api/v1/clients/" + c + "/touches",
                    "{'channel':'email','direction':'inbound','updateRequest':true}");
            created(member, "/api/v1/clients/" + c + "/promises", "{'text':'send the report','dueOn':'2026-12-01'}");
            created(member, "/api/v1/clients/" + c + "/deals", "{'title':'Deal " + k + "'}");
            created(member, "/api/v1/clients/" + c + "/plans", "{'name':'Plan " + k + "','objectives':['grow'],"
                    + "'activities':[{'name':'review','frequency':'monthly','minutes':60}]}");
            // on the timed touch's day, in a category more per client up to four: a day's tally is rewritten
            // with every timed touch, in statements that must not follow its number of categories
            created(member, "/api/v1/journal/entries", "{'day':'2026-11-23','minutes':15,'category':'"
                    + CATEGORIES[Math.min(k, CATEGORIES.length - 1)] + "','clientId':" + c + "}");
        }
    }

    private static String created(Api api, String path, String body) {
        Response r = api.post(path, json(body));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(201);
        return Long.toString(r.json().get("id").asLong());
    }
}
