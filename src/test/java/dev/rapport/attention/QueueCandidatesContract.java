package dev.rapport.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.Channel;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.ClientStatus;
import dev.rapport.clients.Direction;
import dev.rapport.clients.NewTouch;
import dev.rapport.deals.Deal;
import dev.rapport.deals.DealService;
import dev.rapport.promises.PromiseService;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;

/**
 * The queue reads only candidate clients (conditions on the stored rollups) and caches the team's
 * settings; after many random writes through the services (touches of every kind, out of order,
 * cadence overrides, snoozes, update requests after a snooze, promises, listings and completed
 * milestones, honeymoon flags, a tier the settings no longer know, cadence and channel weight
 * changes, time passing) it equals the evaluation of every client with fresh settings, for several
 * days and in zones far from the team's. The queue cache is held to the same reference after every
 * kind of write, and to the two things no local write announces. Runs once per database.
 */
abstract class QueueCandidatesContract extends AppTestBase {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Amsterdam"), ZoneId.of("Pacific/Kiritimati"),
            ZoneId.of("Pacific/Pago_Pago"), ZoneId.of("America/St_Johns"), ZoneId.of("UTC"));

    @Autowired
    ClientService clients;
    @Autowired
    AttentionService attention;
    @Autowired
    AttentionRepository repository;
    @Autowired
    PromiseService promises;
    @Autowired
    DealService deals;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    dev.rapport.shared.QueueVersions versions;
    @Autowired
    dev.rapport.promises.BreakOverduePromisesJob breakOverdue;
    @Autowired
    dev.rapport.deals.ToldDealsJob toldDeals;

    final Random random = new Random(20261202);

    @Test
    void candidateQueueEqualsTheFullEvaluationAfterRandomWrites() {
        Session manager = newTeam(Role.MANAGER);
        TeamId team = manager.user().teamId();
        List<CurrentUser> people = new ArrayList<>(List.of(manager.user()));
        for (int i = 0; i < 2; i++) {
            people.add(newMember(team, Role.MANAGER).user());
        }
        List<ClientId> ids = new ArrayList<>();
        int compared = 0;
        int queued = 0;
        int fewer = 0;
        int untold = 0;
        int colleagues = 0;
        for (int round = 0; round < 6; round++) {
            for (int step = 0; step < 60; step++) {
                write(manager.user(), people, ids, step);
            }
            for (CurrentUser owner : people) {
                untold += assertDealFactsAreComplete(owner, ids);
                colleagues += assertPromiseFactsAreComplete(owner, ids);
            }
            for (CurrentUser owner : people) {
                for (ZoneId zone : ZONES) {
                    CurrentUser viewer = new CurrentUser(owner.userId(), owner.teamId(), owner.role(), zone,
                            owner.email(), owner.displayName());
                    LocalDate today = viewer.today(clock);
                    for (int days : new int[] {-40, -2, 0, 1, 2, 6, 13, 29, 31, 89, 91, 200}) {
                        LocalDate day = today.plusDays(days);
                        AttentionService.Queue fast = attention.queue(viewer, day);
                        AttentionService.Queue full = attention.fullQueue(viewer, day);
                        assertThat(fast).as("%s in %s on %s", owner.userId(), zone, day).isEqualTo(full);
                        compared++;
                        queued += full.entries().size();
                        int candidates = clients.cadenceFacts(team, owner.userId(), AttentionService.candidates(
                                attention.policy(team), day, zone, Set.of())).size();
                        fewer += candidates < clients.cadenceFacts(team, owner.userId()).size() ? 1 : 0;
                    }
                }
            }
            clock.advance(Duration.ofHours(1 + random.nextInt(24 * 20)));
        }
        // not vacuous: queues were filled, and on many days the candidates were fewer than all clients
        assertThat(compared).isPositive();
        assertThat(queued).isGreaterThan(compared);
        assertThat(fewer).isGreaterThan(compared / 10);
        assertThat(untold).as("untold milestones compared").isPositive();
        assertThat(colleagues).as("colleagues' promises in an owner's queue").isPositive();
    }

    /**
     * The queue cache: after every kind of write, each person's queue equals a fresh evaluation, and
     * the people a write did not concern are answered from the cache (the very same object).
     */
    @Test
    void cachedQueueFollowsEveryWrite() {
        Session manager = newTeam(Role.MANAGER);
        List<CurrentUser> people = new ArrayList<>(List.of(manager.user()));
        for (int i = 0; i < 2; i++) {
            people.add(newMember(manager.user().teamId(), Role.MANAGER).user());
        }
        List<ClientId> ids = new ArrayList<>();
        int hits = 0;
        int checks = 0;
        for (int step = 0; step < 240; step++) {
            List<AttentionService.Queue> before = people.stream().map(p -> attention.queue(p, null)).toList();
            write(manager.user(), people, ids, step);
            if (step % 40 == 39) {
                clock.advance(Duration.ofHours(random.nextInt(30)));
            }
            for (int i = 0; i < people.size(); i++) {
                CurrentUser p = people.get(i);
                AttentionService.Queue now = attention.queue(p, null);
                assertThat(now).as("step %d, user %s", step, p.userId()).isEqualTo(attention.fullQueue(p, null));
                hits += now == before.get(i) ? 1 : 0;
                checks++;
            }
        }
        assertThat(hits).as("cache hits of %d", checks).isGreaterThan(checks / 10).isLessThan(checks);
    }

    /** Another instance's write is seen through the version it commits with, not through this instance. */
    @Test
    void aVersionChangedElsewhereEndsTheCachedQueue() {
        CurrentUser u = newTeam(Role.MANAGER).user();
        ClientId c = clients.create(u, details(List.of(u)), clock.instant().minus(Duration.ofDays(400))).id();
        AttentionService.Queue first = attention.queue(u, null);
        assertThat(first.entries()).extracting(QueueEntry::clientId).contains(c);

        jdbc.update("UPDATE client SET name = 'Renamed elsewhere' WHERE team_id = ? AND id = ?", u.teamId().value(),
                c.value());
        assertThat(attention.queue(u, null)).isSameAs(first);
        jdbc.update("UPDATE queue_version SET version = version + 1 WHERE team_id = ? AND user_id = ?",
                u.teamId().value(), u.userId().value());
        AttentionService.Queue second = attention.queue(u, null);
        assertThat(second).isEqualTo(attention.fullQueue(u, null));
        assertThat(second.entries()).extracting(QueueEntry::name).contains("Renamed elsewhere");
    }

    /** A member without a version row (restored from an archive, say) gets one from the first write. */
    @Test
    void aWriteForAMemberWithoutAVersionRowMakesIt() {
        CurrentUser u = newTeam(Role.MANAGER).user();
        ClientId c = clients.create(u, details(List.of(u)), clock.instant().minus(Duration.ofDays(400))).id();
        jdbc.update("DELETE FROM queue_version WHERE team_id = ? AND user_id = ?", u.teamId().value(),
                u.userId().value());

        clients.recordTouches(u, c, List.of(touchNow(Channel.EMAIL)));
        assertThat(jdbc.queryForObject("SELECT version FROM queue_version WHERE team_id = ? AND user_id = ?",
                Long.class, u.teamId().value(), u.userId().value())).isEqualTo(1L);
        AttentionService.Queue first = attention.queue(u, null);
        assertThat(attention.queue(u, null)).isSameAs(first);
        clients.recordTouches(u, c, List.of(touchNow(Channel.FACE_TO_FACE)));
        assertThat(attention.queue(u, null)).isEqualTo(attention.fullQueue(u, null)).isNotEqualTo(first);
    }

    private NewTouch touchNow(Channel channel) {
        return new NewTouch(clock.instant(), channel, Direction.OUTBOUND, null, null, null, false, false);
    }

    /**
     * The job breaks a promise once its due day has passed in the team's zone; a member far west of it
     * still saw it as due today, and their cached queue must let it go.
     */
    @Test
    void breakingOverduePromisesEndsTheCachedQueueOfMembersWestOfTheTeam() {
        CurrentUser owner = newTeam(Role.MANAGER).user();
        CurrentUser west = new CurrentUser(owner.userId(), owner.teamId(), owner.role(), ZoneId.of("Pacific/Pago_Pago"),
                owner.email(), owner.displayName());
        ClientId c = clients.create(west, details(List.of(west)), clock.instant().minus(Duration.ofDays(3))).id();
        LocalDate westToday = west.today(clock);
        assertThat(westToday).isBefore(owner.today(clock));
        promises.make(west, c, "call back", westToday, null);
        AttentionService.Queue before = attention.queue(west, null);
        assertThat(before.entries()).anySatisfy(e -> assertThat(e.has(ReasonCode.PROMISE_DUE)).isTrue());

        assertThat(breakOverdue.run()).isEqualTo(1);
        AttentionService.Queue after = attention.queue(west, null);
        assertThat(after).isEqualTo(attention.fullQueue(west, null));
        assertThat(after.entries()).noneSatisfy(e -> assertThat(e.has(ReasonCode.PROMISE_DUE)).isTrue());
    }

    /**
     * A completed milestone asks for an update until a real outbound touch after it, however long ago:
     * a kept queue holds it for as long, and ends with the touch that tells the client.
     */
    @Test
    void aCachedQueueKeepsAMilestoneUntilTheClientIsTold() {
        CurrentUser u = newTeam(Role.MANAGER).user();
        ClientId c = clients.create(u, details(List.of(u)), clock.instant().minus(Duration.ofDays(400))).id();
        Deal d = deals.create(u, c, "Sale", null, null);
        deals.complete(u, d.id(), "listed");
        clock.advance(Duration.ofDays(200));
        AttentionService.Queue untold = attention.queue(u, null);
        assertThat(attention.queue(u, null)).isSameAs(untold).isEqualTo(attention.fullQueue(u, null));
        assertThat(untold.entries()).singleElement().satisfies(e -> assertThat(e.has(ReasonCode.MILESTONE_UPDATE))
                .isTrue());
        clients.recordTouches(u, c, List.of(new NewTouch(clock.instant(), Channel.EMAIL, Direction.OUTBOUND, null,
                null, null, false, false)));
        AttentionService.Queue told = attention.queue(u, null);
        assertThat(told).isEqualTo(attention.fullQueue(u, null));
        assertThat(told.entries()).noneSatisfy(e -> assertThat(e.has(ReasonCode.MILESTONE_UPDATE)).isTrue());
    }

    /** One random write through the services (or, where the application has no path, by hand as a job would). */
    void write(CurrentUser manager, List<CurrentUser> people, List<ClientId> ids, int step) {
        CurrentUser who = people.get(random.nextInt(people.size()));
        int op = random.nextInt(100);
        if (ids.size() < 5 || op < 18) {
            ids.add(clients.create(who, details(people), clock.instant().minus(Duration.ofDays(random.nextInt(400))))
                    .id());
            return;
        }
        ClientId c = ids.get(random.nextInt(ids.size()));
        if (op < 65) {
            List<NewTouch> touches = new ArrayList<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                touches.add(touch());
            }
            clients.recordTouches(who, c, touches);
        } else if (op < 70) {
            clients.update(who, c, details(people));
        } else if (op < 73) {
            clients.archive(who, c, !clients.get(who, c).archived());
        } else if (op < 78) {
            CurrentUser owner = owner(people, c);
            attention.snooze(owner, c, owner.today(clock).plusDays(1 + random.nextInt(30)), "later " + step);
        } else if (op < 83) {
            promiseWrite(who, c, step);
        } else if (op < 88) {
            dealWrite(who, c, step);
        } else if (op < 91) {
            repository.saveHoneymoon(who.teamId(), Map.of(c, new Honeymoon.Rates(3.0, random.nextBoolean() ? 1.0 : 2.5,
                    random.nextBoolean())), who.today(clock));
            versions.clientsChanged(who.teamId(), List.of(c));
        } else if (op < 93) {
            // a tier the settings no longer list (an old archive, say): the least demanding one applies
            jdbc.update("UPDATE client SET tier = 'GONE' WHERE team_id = ? AND id = ?", who.teamId().value(),
                    c.value());
            versions.clientsChanged(who.teamId(), List.of(c));
        } else if (op < 96) {
            Integer rich = random.nextInt(3) == 0 ? null : 10 + random.nextInt(60);
            attention.replaceCadences(manager, List.of(
                    new TierCadence("A", 3, 1 + random.nextInt(10), 14 + random.nextInt(10), rich),
                    new TierCadence("B", 2, 14, 20 + random.nextInt(20), 90),
                    new TierCadence("C", 1, 30, 90, random.nextBoolean() ? null : 45)));
        } else {
            Map<Channel, Integer> weights = new EnumMap<>(Channel.class);
            for (Channel ch : Channel.values()) {
                weights.put(ch, random.nextInt(6));
            }
            clients.setChannelWeights(manager, weights);
        }
    }

    /**
     * A deal by anyone (a colleague's on a client they do not own too) with a milestone, one of the
     * writer's open deals won or lost, or the job that takes told deals out of the queue's scope.
     */
    private void dealWrite(CurrentUser who, ClientId c, int step) {
        List<Deal> open = deals.list(who, null, dev.rapport.deals.DealStatus.OPEN);
        int kind = random.nextInt(4);
        if (kind == 3) {
            // the test clock restarts with every test: free a lease an earlier test left "in the future"
            jdbc.update("UPDATE job_lock SET locked_until = ? WHERE name = 'told-deals'",
                    java.sql.Timestamp.from(clock.instant()));
            assertThat(toldDeals.run()).isNotNegative();
        } else if (kind == 0 || open.isEmpty()) {
            Deal d = deals.create(who, c, "Deal " + step, null, null);
            deals.complete(who, d.id(), random.nextBoolean() ? "listed" : "showings");
        } else if (kind == 1) {
            deals.complete(who, open.get(random.nextInt(open.size())).id(), "closing");
        } else {
            deals.lose(who, open.get(random.nextInt(open.size())).id());
        }
    }

    /**
     * A promise by anyone (a colleague's on a client they do not own too), one of the writer's pending
     * promises kept, broken or renegotiated, or the job that breaks overdue ones.
     */
    private void promiseWrite(CurrentUser who, ClientId c, int step) {
        LocalDate today = who.today(clock);
        List<dev.rapport.promises.Promise> pending = promises.list(who, null, List.of(
                dev.rapport.promises.PromiseStatus.OPEN, dev.rapport.promises.PromiseStatus.RENEGOTIATED));
        int kind = random.nextInt(6);
        if (kind < 3 || pending.isEmpty()) {
            promises.make(who, c, "promise " + step, today.plusDays(random.nextInt(6)), today.minusDays(random.nextInt(3)));
            return;
        }
        long id = pending.get(random.nextInt(pending.size())).id();
        if (kind == 3) {
            promises.keep(who, id);
        } else if (kind == 4) {
            promises.renegotiate(who, id, today.plusDays(random.nextInt(4)), "moved " + step);
        } else {
            jdbc.update("UPDATE job_lock SET locked_until = ? WHERE name = 'break-overdue-promises'",
                    java.sql.Timestamp.from(clock.instant()));
            assertThat(breakOverdue.run()).isNotNegative();
        }
    }

    /**
     * What the queue is given of promises, against every promise to the owner's active clients: the
     * pending ones due today to two days ahead, whoever made them. Returns how many were colleagues'.
     */
    private int assertPromiseFactsAreComplete(CurrentUser owner, List<ClientId> ids) {
        LocalDate today = owner.today(clock);
        Map<ClientId, List<Long>> given = new java.util.HashMap<>();
        promises.forQueue(owner.teamId(), owner.userId(), today).forEach(p -> given.computeIfAbsent(p.clientId(),
                k -> new ArrayList<>()).add(p.id()));
        int colleagues = 0;
        for (ClientId id : new java.util.LinkedHashSet<>(ids)) {
            dev.rapport.clients.Client c = clients.get(owner, id);
            if (!c.details().ownerId().equals(owner.userId()) || c.archived()) {
                continue;
            }
            List<dev.rapport.promises.Promise> naive = promises.onClient(owner, id).stream()
                    .filter(p -> p.status().pending() && !p.dueOn().isBefore(today)
                            && !p.dueOn().isAfter(today.plusDays(dev.rapport.promises.PromiseService.QUEUE_DAYS_AHEAD)))
                    .toList();
            assertThat(given.getOrDefault(id, List.of())).as("promises for the queue of %s", id)
                    .containsExactlyInAnyOrderElementsOf(naive.stream().map(dev.rapport.promises.Promise::id).toList());
            colleagues += (int) naive.stream().filter(p -> !p.userId().equals(owner.userId())).count();
        }
        return colleagues;
    }

    /**
     * What the queue is given of deals, against every deal of the owner's active clients: the same
     * untold milestones (completed at or after the client's last real outbound touch) and listings.
     */
    private int assertDealFactsAreComplete(CurrentUser owner, List<ClientId> ids) {
        Map<ClientId, DealService.ClientDeals> given = deals.forQueue(owner.teamId(), owner.userId());
        int untold = 0;
        for (ClientId id : ids) {
            dev.rapport.clients.Client c = clients.get(owner, id);
            if (!c.details().ownerId().equals(owner.userId()) || c.archived()) {
                continue;
            }
            List<Deal> all = deals.onClient(owner, id);
            java.util.function.Predicate<Deal.Milestone> news = m -> m.done()
                    && (c.lastOutboundAt() == null || !c.lastOutboundAt().isAfter(m.completedAt()));
            DealService.ClientDeals facts = given.get(id);
            // lists, not sets: two deals may complete a milestone of the same name at the same instant
            List<String> fast = facts == null ? List.of() : facts.completed().stream().filter(news)
                    .map(m -> m.completedAt() + "/" + m.name()).sorted().toList();
            List<String> naiveKeys = all.stream().flatMap(d -> d.milestones().stream()).filter(news)
                    .map(m -> m.completedAt() + "/" + m.name()).sorted().toList();
            assertThat(fast).as("untold milestones of %s", id).isEqualTo(naiveKeys);
            assertThat(facts != null && facts.activeListing()).as("listing of %s", id)
                    .isEqualTo(all.stream().anyMatch(Deal::activeListing));
            untold += naiveKeys.size();
        }
        return untold;
    }

    private CurrentUser owner(List<CurrentUser> people, ClientId c) {
        return people.stream().filter(p -> p.userId().equals(clients.get(p, c).details().ownerId())).findFirst()
                .orElseThrow();
    }

    private NewTouch touch() {
        boolean inbound = random.nextInt(3) == 0;
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        // out of order, across local midnights and up to a year back; some automated
        Instant at = clock.instant().minus(Duration.ofMinutes(random.nextInt(60 * 24 * 365)));
        return new NewTouch(at, channel, inbound ? Direction.INBOUND : Direction.OUTBOUND, null, null, null,
                inbound && random.nextInt(3) == 0, random.nextInt(8) == 0);
    }

    private ClientDetails details(List<CurrentUser> people) {
        String[] tiers = {"A", "B", "C"};
        CadenceOverride override = random.nextInt(5) == 0
                ? new CadenceOverride(random.nextBoolean() ? 2 + random.nextInt(10) : null,
                random.nextBoolean() ? 10 + random.nextInt(30) : null, random.nextBoolean() ? 5 + random.nextInt(40)
                : null)
                : CadenceOverride.NONE;
        return new ClientDetails("Client " + random.nextInt(1_000_000), null, List.of(), List.of(), List.of(),
                List.of(), people.get(random.nextInt(people.size())).userId(), tiers[random.nextInt(3)],
                ClientStatus.ACTIVE, ClientKind.EXTERNAL, random.nextInt(4) == 0 ? LocalDate.of(2026, 1, 1) : null,
                null, null, override, null, List.of());
    }
}
