package dev.rapport.journal;

import static dev.rapport.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.rapport.support.AppTestBase;
import dev.rapport.teams.Role;

/**
 * Concurrent writes that meet on one row. One user's entries for one day arriving at once (several tabs, the CLI, a script; found by the
 * crash drill): every one is stored, and the day's rollup counts every one of them.
 */
abstract class ConcurrentWritesContract extends AppTestBase {
    private static final int THREADS = 6;
    private static final int EACH = 8;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentEntriesForOneDayAreAllStoredAndAllCounted() throws Exception {
        Session s = newTeam(Role.MEMBER);
        long client = s.api().post("/api/v1/clients", json("{'name':'Busy','tier':'A'}")).json().get("id").asLong();
        // journal entries and touches both recompute the day
        List<Integer> statuses = concurrently((thread, i) -> thread % 2 == 0
                ? s.api().post("/api/v1/journal/entries", json("{'day':'2026-11-20','minutes':" + (1 + i)
                        + ",'category':'email'}")).status()
                : s.api().post("/api/v1/clients/" + client + "/touches", json("{'channel':'phone',"
                        + "'at':'2026-11-20T10:00:00Z','minutes':" + (1 + i) + "}")).status());
        assertThat(statuses).hasSize(THREADS * EACH).containsOnly(201);
        long team = s.user().teamId().value();
        long user = s.userId().value();
        long entrySeconds = jdbc.sql("SELECT 60 * SUM(minutes) FROM journal_entry WHERE team_id = ? AND user_id = ?")
                .params(team, user).query(Long.class).single();
        assertThat(entrySeconds).isEqualTo(60L * (THREADS / 2) * (EACH * (EACH + 1) / 2));
        assertThat(jdbc.sql("SELECT SUM(seconds) FROM journal_day WHERE team_id = ? AND user_id = ? "
                + "AND category = 'email'").params(team, user).query(Long.class).single()).isEqualTo(entrySeconds);
    }

    /**
     * Touches on one client from several requests at once (found by the crash drill on PostgreSQL:
     * each insert's foreign-key share lock on the client row, then the rollup's update of it,
     * deadlocked). Each is stored and the client's rollup is the latest.
     */
    @Test
    void concurrentTouchesOnOneClientAreAllStored() throws Exception {
        Session s = newTeam(Role.MEMBER);
        long client = s.api().post("/api/v1/clients", json("{'name':'Popular','tier':'A'}")).json().get("id").asLong();
        List<Integer> statuses = concurrently((thread, i) -> {
            String minutes = thread % 2 == 0 ? "" : ",'minutes':" + (1 + i);
            return s.api().post("/api/v1/clients/" + client + "/touches", json("{'channel':'phone',"
                    + "'at':'2026-11-20T" + (10 + thread) + ":" + (10 + i) + ":00Z'" + minutes + "}")).status();
        });
        assertThat(statuses).hasSize(THREADS * EACH).containsOnly(201);
        long team = s.user().teamId().value();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM touch WHERE team_id = ? AND client_id = ?").params(team, client)
                .query(Long.class).single()).isEqualTo((long) THREADS * EACH);
        String last = s.api().get("/api/v1/clients/" + client).json().get("lastTouchAt").asString();
        assertThat(last).isEqualTo("2026-11-20T" + (10 + THREADS - 1) + ":" + (10 + EACH - 1) + ":00Z");
        // the late rate's month: one client served, however many touches raced to be its first
        assertThat(servedInNovember(s)).isEqualTo(1);
    }

    private int servedInNovember(Session s) {
        return jdbc.sql("SELECT served_external FROM user_month WHERE team_id = ? AND user_id = ?"
                        + " AND month_start = DATE '2026-11-01'").params(s.user().teamId().value(), s.userId().value())
                .query(Integer.class).single();
    }

    /**
     * One member's touches on several clients at once, each round on a day without a dashboard row yet:
     * the requests race to create that row (one inserts it, the others find it and add to it), and the
     * day counts every touch.
     */
    @Test
    void concurrentTouchesOnANewDayAreAllCountedOnTheDashboard() throws Exception {
        Session s = newTeam(Role.MEMBER);
        List<Long> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            clients.add(s.api().post("/api/v1/clients", json("{'name':'Client " + t + "','tier':'A'}")).json()
                    .get("id").asLong());
        }
        List<Integer> statuses = concurrently((thread, i) -> s.api().post("/api/v1/clients/" + clients.get(thread)
                + "/touches", json("{'channel':'email','at':'2026-11-" + (10 + i) + "T12:00:00Z'}")).status());
        assertThat(statuses).hasSize(THREADS * EACH).containsOnly(201);
        List<Integer> perDay = jdbc.sql("SELECT touches_external FROM user_day WHERE team_id = ? AND user_id = ?"
                        + " ORDER BY local_day").params(s.user().teamId().value(), s.userId().value())
                .query(Integer.class).list();
        assertThat(perDay).hasSize(EACH).containsOnly(THREADS);
        assertThat(servedInNovember(s)).as("each client once in the month's row they raced to create")
                .isEqualTo(THREADS);
    }

    /** EACH requests from each of THREADS threads, all let go at once; the statuses of all of them. */
    private static List<Integer> concurrently(java.util.function.BiFunction<Integer, Integer, Integer> request)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<List<Integer>>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    List<Integer> own = new ArrayList<>();
                    for (int i = 0; i < EACH; i++) {
                        own.add(request.apply(thread, i));
                    }
                    return own;
                }));
            }
            for (Future<List<Integer>> f : done) {
                statuses.addAll(f.get());
            }
        } finally {
            pool.shutdown();
        }
        return statuses;
    }
}
