package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.QueueEntry;
import dev.rapport.attention.ReasonCode;
import dev.rapport.attention.TierCadence;
import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.Channel;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.ClientStatus;
import dev.rapport.clients.Direction;
import dev.rapport.clients.NewTouch;
import dev.rapport.dashboard.DashboardRepository.DayTotals;
import dev.rapport.dashboard.DashboardRepository.MonthTotals;
import dev.rapport.deals.Deal;
import dev.rapport.deals.DealService;
import dev.rapport.journal.EntryDraft;
import dev.rapport.journal.JournalService;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;

/**
 * The dashboard's rollups after many random writes through the services (touches by anyone, late
 * signals, automated touches, touch time, out-of-order dates, journal entries added, moved and
 * deleted, client edits that move owner, kind, tier and cadence (one by one and as imports do, in
 * batches), transfers, archiving, listings won and lost,
 * cadence settings changed, time passing): they equal
 * the recomputation from the raw tables, and due/overdue counts equal what each member's attention
 * queue says, on several days. Runs once per database.
 */
abstract class DashboardRollupsContract extends AppTestBase {
    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    AttentionService attention;
    @Autowired
    DashboardRepository repo;
    @Autowired
    DashboardRollups rollups;
    @Autowired
    DashboardService dashboard;
    @Autowired
    JournalService journal;
    @Autowired
    RollupBackfill backfill;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private final Random random = new Random(20261123);

    @Test
    void rollupsEqualTheRawRecomputationAndTheQueueAfterRandomWrites() {
        Session manager = newTeam(Role.MANAGER);
        TeamId team = manager.user().teamId();
        List<CurrentUser> people = new ArrayList<>(List.of(manager.user()));
        for (int i = 0; i < 3; i++) {
            people.add(newMember(team, Role.MANAGER).user()); // writes on any client of the team
        }
        List<ClientId> ids = new ArrayList<>();
        Map<Long, CurrentUser> dealOwners = new HashMap<>();
        Map<Long, CurrentUser> entries = new HashMap<>();
        for (int step = 0; step < 400; step++) {
            CurrentUser who = people.get(random.nextInt(people.size()));
            int op = random.nextInt(100);
            if (ids.size() < 5 || op < 10) {
                ids.add(clients.create(who, details(null, people), clock.instant().minus(Duration.ofDays(
                        random.nextInt(300)))).id());
            } else if (op < 15) {
                // an import's new clients
                List<ClientDetails> batch = new ArrayList<>();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    batch.add(details(null, people));
                }
                ids.addAll(clients.createAll(who, batch));
            } else if (op < 60) {
                ClientId c = ids.get(random.nextInt(ids.size()));
                List<NewTouch> touches = new ArrayList<>();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    touches.add(touch());
                }
                clients.recordTouches(who, c, touches);
            } else if (op < 68) {
                ClientId c = ids.get(random.nextInt(ids.size()));
                clients.update(who, c, details(clients.get(who, c), people));
            } else if (op < 72) {
                // an import merging into existing clients
                Map<ClientId, ClientDetails> changes = new HashMap<>();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    ClientId c = ids.get(random.nextInt(ids.size()));
                    changes.put(c, details(clients.get(who, c), people));
                }
                clients.updateAll(who, changes);
            } else if (op < 75) {
                ClientId c = ids.get(random.nextInt(ids.size()));
                clients.transfer(who, c, people.get(random.nextInt(people.size())).userId());
            } else if (op < 80) {
                ClientId c = ids.get(random.nextInt(ids.size()));
                clients.archive(who, c, !clients.get(who, c).archived());
            } else if (op < 88) {
                ClientId c = ids.get(random.nextInt(ids.size()));
                Deal d = deals.create(who, c, "Deal " + step, null, null);
                dealOwners.put(d.id(), who);
                deals.complete(who, d.id(), random.nextBoolean() ? "listed" : "showings");
            } else if (op < 93 && !dealOwners.isEmpty()) {
                List<Long> open = new ArrayList<>(dealOwners.keySet());
                long id = open.get(random.nextInt(open.size()));
                dealOwners.remove(id);
                // an open deal follows its client to a new owner, so ask who holds it now
                CurrentUser owner = people.stream().filter(p -> holds(p, id)).findFirst().orElseThrow();
                if (random.nextBoolean()) {
                    deals.lose(owner, id);
                } else {
                    deals.complete(owner, id, "closing");
                }
            } else if (op < 94) {
                journal(who, entries);
            } else if (op < 96) {
                attention.replaceCadences(manager.user(), List.of(
                        new TierCadence("A", 3, 3 + random.nextInt(10), 14 + random.nextInt(10), 30),
                        new TierCadence("B", 2, 14, 20 + random.nextInt(20), 90),
                        new TierCadence("C", 1, 30, 90, null)));
            } else {
                clock.advance(Duration.ofHours(1 + random.nextInt(72)));
            }
        }

        List<DayTotals> stored = repo.userDays(team);
        List<DayTotals> raw = rollups.rawUserDays(team);
        assertThat(flatten(stored)).isEqualTo(flatten(raw)).isNotEmpty();
        assertThat(raw.stream().mapToInt(d -> d.lateExternal() + d.lateInternal()).sum()).as("late signals")
                .isPositive();
        assertThat(raw.stream().mapToLong(DayTotals::loggedSeconds).sum()).as("logged time").isPositive();
        assertThat(repo.cadences(team)).containsExactlyInAnyOrderElementsOf(rollups.rawCadences(team));
        List<MonthTotals> months = repo.userMonths(team);
        assertThat(months).as("clients served and late signals by user and month")
                .isEqualTo(rollups.rawUserMonths(team)).isNotEmpty();
        assertThat(months.stream().mapToInt(m -> m.servedInternal()).sum()).as("internal clients served").isPositive();
        assertThat(months.stream().mapToInt(m -> m.lateExternal() + m.lateInternal()).sum())
                .isEqualTo(raw.stream().mapToInt(d -> d.lateExternal() + d.lateInternal()).sum());

        LocalDate today = dashboard.today(team);
        for (int days : new int[] {0, 1, 5, 13, 40}) {
            LocalDate day = today.plusDays(days);
            Map<String, int[]> fromQueue = new TreeMap<>();
            for (CurrentUser u : people) {
                List<QueueEntry> queue = attention.queue(u, day).entries();
                Map<ClientId, Client> byId = clients.getAll(u, queue.stream().map(QueueEntry::clientId).toList());
                for (QueueEntry e : queue) {
                    String key = u.userId().value() + "/" + byId.get(e.clientId()).details().kind().code();
                    int[] c = fromQueue.computeIfAbsent(key, k -> new int[2]);
                    c[0] += e.has(ReasonCode.OVERDUE) ? 1 : 0;
                    c[1] += e.has(ReasonCode.DUE) ? 1 : 0;
                }
            }
            Map<String, int[]> fromRollup = new TreeMap<>();
            repo.cadenceCounts(team, null, day).forEach(c -> fromRollup.put(c.owner().value() + "/" + c.kind().code(),
                    new int[] {c.overdue(), c.dueOrOverdue() - c.overdue()}));
            fromQueue.values().removeIf(c -> c[0] == 0 && c[1] == 0);
            assertThat(flattenCounts(fromRollup)).as("day " + day).isEqualTo(flattenCounts(fromQueue)).isNotEmpty();
        }
        // a rebuild from the raw tables leaves the same rows
        dashboard.rebuild(team);
        assertThat(flatten(repo.userDays(team))).isEqualTo(flatten(stored));
        assertThat(repo.userMonths(team)).isEqualTo(months);


        // a team whose rollups are missing (clients from before the dashboard) is filled in at start
        jdbc.update("DELETE FROM client_cadence WHERE team_id = ?", team.value());
        jdbc.update("DELETE FROM user_day WHERE team_id = ?", team.value());
        assertThat(repo.teamsNeedingCadences()).contains(team);
        backfill.backfill();
        assertThat(repo.teamsNeedingCadences()).doesNotContain(team);
        assertThat(flatten(repo.userDays(team))).isEqualTo(flatten(stored));
        assertThat(repo.cadences(team)).containsExactlyInAnyOrderElementsOf(rollups.rawCadences(team));

        // so is one whose rows an earlier version left with a client's old owner
        ClientId moved = ids.get(0);
        jdbc.update("UPDATE client_cadence SET owner_id = ? WHERE client_id = ? AND team_id = ?",
                people.get(1).userId().value() == clients.get(manager.user(), moved).details().ownerId().value()
                        ? people.get(2).userId().value() : people.get(1).userId().value(), moved.value(), team.value());
        assertThat(repo.teamsNeedingCadences()).contains(team);
        backfill.backfill();
        assertThat(repo.teamsNeedingCadences()).doesNotContain(team);
        assertThat(repo.cadences(team)).containsExactlyInAnyOrderElementsOf(rollups.rawCadences(team));

        // a team from before the late rate's months (V19 marks it) gets them at start, even when a touch
        // recorded before the backfill ran has already made a month row
        jdbc.update("DELETE FROM user_month WHERE team_id = ?", team.value());
        jdbc.update("INSERT INTO user_month_backfill (team_id) VALUES (?)", team.value());
        ClientId touched = ids.get(1);
        clients.recordTouch(manager.user(), touched, new NewTouch(clock.instant(), Channel.PHONE, Direction.OUTBOUND,
                null, null, null, false, false));
        assertThat(repo.userMonths(team)).as("only the new touch's month so far").hasSize(1);
        assertThat(repo.teamsNeedingMonths()).contains(team);
        backfill.backfill();
        assertThat(repo.teamsNeedingMonths()).doesNotContain(team);
        months = repo.userMonths(team);
        assertThat(months).isEqualTo(rollups.rawUserMonths(team)).hasSizeGreaterThan(1);
        assertThat(flatten(repo.userDays(team))).isEqualTo(flatten(rollups.rawUserDays(team)));
    }

    /**
     * A client edit in flight while the team's cadence settings change: the recomputation of every
     * client's row waits for the edit's commit. Without that it read the client before the edit, waited
     * on the row the edit had written, then put back the row it computed from the old tier (PostgreSQL;
     * H2 runs one writer at a time).
     */
    @Test
    void aCadenceChangeWaitsForAClientEditInFlightAndKeepsItsRow() throws Exception {
        Session owner = newTeam(Role.OWNER);
        CurrentUser me = owner.user();
        Client client = clients.create(me, tiered(details(null, List.of(me)), "A"), clock.instant().minus(
                Duration.ofDays(20)));
        whileInFlight(me, () -> clients.update(me, client.id(), tiered(client.details(), "C")));
        // the raw recomputation reads tier C: a row left from the read before the edit has tier A's dates
        assertThat(repo.cadences(me.teamId())).containsExactlyInAnyOrderElementsOf(rollups.rawCadences(me.teamId()));
    }

    /**
     * The same with a touch in flight: the touch's rollups (cadence row, day counts) survive the
     * recomputation. (Recording a touch takes the rollups' gate before its client's row: the
     * recomputation's rows refer to every client, so the other order could wait in a cycle.)
     */
    @Test
    void aCadenceChangeWaitsForATouchInFlightWithoutADeadlock() throws Exception {
        Session owner = newTeam(Role.OWNER);
        CurrentUser me = owner.user();
        Client client = clients.create(me, tiered(details(null, List.of(me)), "A"), clock.instant().minus(
                Duration.ofDays(20)));
        whileInFlight(me, () -> clients.recordTouch(me, client.id(), new NewTouch(clock.instant(), Channel.PHONE,
                Direction.OUTBOUND, 15, null, null, false, false)));
        assertThat(repo.cadences(me.teamId())).containsExactlyInAnyOrderElementsOf(rollups.rawCadences(me.teamId()));
        assertThat(flatten(repo.userDays(me.teamId()))).isEqualTo(flatten(rollups.rawUserDays(me.teamId())));
    }

    /**
     * A touch in flight while the team makes its channel rich: the touch folded its rich flag from the
     * old weights and the recomputation of every client's last rich touch could not see it, so the
     * client kept no rich touch (PostgreSQL) until the change learnt to wait for every client's row.
     */
    @Test
    void aChannelWeightChangeWaitsForATouchInFlightAndCountsIt() throws Exception {
        Session owner = newTeam(Role.OWNER);
        CurrentUser me = owner.user();
        Client client = clients.create(me, details(null, List.of(me)), clock.instant().minus(Duration.ofDays(20)));
        Instant at = clock.instant().minus(Duration.ofHours(1));
        assertThat(clients.channelWeights(me.teamId()).rich(Channel.EMAIL)).isFalse();
        whileInFlight(() -> clients.recordTouch(me, client.id(), new NewTouch(at, Channel.EMAIL, Direction.OUTBOUND,
                null, null, null, false, false)), () -> clients.setChannelWeights(me, Map.of(Channel.EMAIL, 4)));
        assertThat(clients.get(me, client.id()).lastRichAt()).isEqualTo(at);
    }

    /**
     * A client edit in flight while the team changes its rich channels: the edit holds its client's row
     * and then writes its rollups, the change waits for the row. (A first version took the rollup gate
     * for the change, which could wait in a cycle with an edit between its row and its rollups: by
     * reasoning, no test reaches that instant. The change now takes no gate.)
     */
    @Test
    void aChannelWeightChangeWaitsForAClientEditInFlightWithoutADeadlock() throws Exception {
        Session owner = newTeam(Role.OWNER);
        CurrentUser me = owner.user();
        Client client = clients.create(me, tiered(details(null, List.of(me)), "A"), clock.instant().minus(
                Duration.ofDays(20)));
        whileInFlight(() -> clients.update(me, client.id(), tiered(client.details(), "C")),
                () -> clients.setChannelWeights(me, Map.of(Channel.EMAIL, 4)));
        assertThat(clients.get(me, client.id()).details().tier()).isEqualTo("C");
        assertThat(clients.channelWeights(me.teamId()).rich(Channel.EMAIL)).isTrue();
        assertThat(repo.cadences(me.teamId())).containsExactlyInAnyOrderElementsOf(rollups.rawCadences(me.teamId()));
    }

    /** Runs the write in a transaction held open while the team's cadence settings change; both must succeed. */
    private void whileInFlight(CurrentUser owner, Runnable write) throws Exception {
        List<TierCadence> changed = TierCadence.defaults().stream().map(t -> t.tier().equals("B")
                ? new TierCadence("B", t.rank(), 10, 20, t.richEveryDays()) : t).toList();
        whileInFlight(write, () -> attention.replaceCadences(owner, changed));
    }

    /** Runs the write in a transaction held open while the settings change; the change waits, both succeed. */
    private void whileInFlight(Runnable write, Runnable change) throws Exception {
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        var written = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var writing = pool.submit(() -> tx.executeWithoutResult(status -> {
                write.run();
                written.countDown();
                try {
                    assertThat(release.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(written.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var settings = pool.submit(change);
            Thread.sleep(500); // long enough for the settings change to read the team's clients, if it could
            assertThat(settings.isDone()).as("the settings change waits for the write").isFalse();
            release.countDown();
            writing.get(30, java.util.concurrent.TimeUnit.SECONDS);
            settings.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static ClientDetails tiered(ClientDetails d, String tier) {
        return new ClientDetails(d.name(), d.organisation(), d.emails(), d.phones(), d.addresses(), d.tags(),
                d.ownerId(), tier, d.status(), d.kind(), d.signedOn(), d.depthCurrent(), d.depthTarget(),
                CadenceOverride.NONE, d.notes(), d.competitors());
    }

    /** Adds, moves or deletes a journal entry (timed or duration-only); overlaps are simply refused. */
    private void journal(CurrentUser who, Map<Long, CurrentUser> entries) {
        String[] categories = {"client_interaction", "email", "firefighting", "internal_admin"};
        Instant start = clock.instant().minus(Duration.ofMinutes(random.nextInt(60 * 24 * 20)));
        EntryDraft draft = random.nextInt(4) == 0
                ? new EntryDraft(null, null, LocalDate.ofInstant(start, who.zone()), 15 + random.nextInt(120),
                categories[random.nextInt(4)], null, null, List.of(), random.nextBoolean() ? null : true)
                : new EntryDraft(start, start.plus(Duration.ofMinutes(10 + random.nextInt(300))), null, null,
                categories[random.nextInt(4)], null, null, List.of(), null);
        try {
            List<Long> mine = entries.entrySet().stream().filter(e -> e.getValue().equals(who)).map(Map.Entry::getKey)
                    .toList();
            int what = random.nextInt(3);
            if (what == 0 || mine.isEmpty()) {
                entries.put(journal.create(who, draft, false).id(), who);
            } else if (what == 1) {
                journal.update(who, mine.get(random.nextInt(mine.size())), draft);
            } else {
                long id = mine.get(random.nextInt(mine.size()));
                journal.delete(who, id);
                entries.remove(id);
            }
        } catch (ConflictException overlap) {
            // the journal refuses overlapping entries, and writes nothing
        }
    }

    private NewTouch touch() {
        boolean inbound = random.nextInt(3) == 0;
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        // out of order, some across local midnight, some automated
        Instant at = clock.instant().minus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
        // some with minutes: uncovered touch time counts as client time in the journal
        Integer minutes = random.nextInt(3) == 0 ? 5 + random.nextInt(60) : null;
        return new NewTouch(at, channel, inbound ? Direction.INBOUND : Direction.OUTBOUND, minutes, null, null,
                inbound && random.nextBoolean(), random.nextInt(8) == 0);
    }

    private ClientDetails details(Client before, List<CurrentUser> people) {
        String[] tiers = {"A", "B", "C"};
        CadenceOverride override = random.nextInt(4) == 0
                ? new CadenceOverride(random.nextBoolean() ? 2 + random.nextInt(10) : null,
                random.nextBoolean() ? 10 + random.nextInt(30) : null, null)
                : CadenceOverride.NONE;
        return new ClientDetails(before == null ? "Client " + random.nextInt(1_000_000) : before.details().name(),
                null, List.of(), List.of(), List.of(), List.of(), people.get(random.nextInt(people.size())).userId(),
                tiers[random.nextInt(3)], ClientStatus.ACTIVE,
                random.nextInt(3) == 0 ? ClientKind.INTERNAL : ClientKind.EXTERNAL, null, null, null, override, null,
                List.of());
    }

    private static List<String> flatten(List<DayTotals> rows) {
        return rows.stream().map(DayTotals::toString).toList();
    }

    private static Map<String, String> flattenCounts(Map<String, int[]> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, "overdue " + v[0] + ", due " + v[1]));
        return out;
    }

    /** Whether the user is the deal's maker now (managers read every deal, only its maker moves it). */
    private boolean holds(CurrentUser user, long deal) {
        try {
            return deals.get(user, deal).userId().equals(user.userId());
        } catch (dev.rapport.shared.NotFoundException e) {
            return false;
        }
    }
}
