package dev.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.rapport.attention.AttentionEngine;
import dev.rapport.attention.AttentionPolicy;
import dev.rapport.attention.AttentionService;
import dev.rapport.attention.ClientState;
import dev.rapport.attention.QueueEntry;
import dev.rapport.attention.ReasonCode;
import dev.rapport.clients.CadenceFacts;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientQuery;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.Rollups;
import dev.rapport.clients.Touch;
import dev.rapport.shared.Page;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.CurrentUser;

/** The demo data is seeded once, and the queue it shows matches a naive recomputation from raw touches. */
abstract class DemoContract extends AppTestBase {
    @Autowired
    DemoData demo;
    @Autowired
    ClientService clients;
    @Autowired
    AttentionService attention;
    @Autowired
    dev.rapport.promises.PromiseService promises;
    @Autowired
    dev.rapport.deals.DealService deals;

    @Test
    void demoQueueIsRightForTheDemoData() {
        demo.seedIfMissing();
        assertThat(demo.seedIfMissing()).isFalse();
        CurrentUser dana = accounts.authenticate(DemoData.LOGIN, DemoData.PASSWORD).orElseThrow();

        List<Client> all = allClients(dana);
        assertThat(all).hasSize(200);
        assertThat(all.stream().map(c -> c.details().tier()).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                "A", "B", "C");

        var weights = clients.channelWeights(dana.teamId());
        // honeymoon flags are stored by a nightly job (another test may have run it): use the same inputs
        var drops = new java.util.HashMap<dev.rapport.shared.ClientId, dev.rapport.attention.Honeymoon.Rates>();
        attention.honeymoonReport(dana, false).forEach(f -> drops.put(f.clientId(),
                new dev.rapport.attention.Honeymoon.Rates(f.before(), f.after(), true)));
        var today0 = dana.today(clock);
        var promised = new java.util.HashMap<dev.rapport.shared.ClientId, List<ClientState.PendingPromise>>();
        promises.dueSoon(dana.teamId(), dana.userId(), today0).forEach(p -> promised.computeIfAbsent(p.clientId(),
                k -> new ArrayList<>()).add(new ClientState.PendingPromise(p.text(), p.dueOn())));
        var dealFacts = deals.forQueue(dana.teamId(), dana.userId());
        List<ClientState> naive = new ArrayList<>();
        for (Client c : all) {
            if (!c.details().ownerId().equals(dana.userId())) {
                continue;
            }
            Rollups r = Rollups.of(timeline(dana, c), weights);
            naive.add(new ClientState(new CadenceFacts(c.id(), c.details().name(), c.details().tier(),
                    c.details().cadence(), c.details().signedOn(), c.createdAt(), r.lastTouchAt(), r.lastRichAt(),
                    r.lastOutboundAt(), r.lastUpdateRequestAt()),
                    dealFacts.containsKey(c.id()) && dealFacts.get(c.id()).activeListing(), null,
                    promised.get(c.id()), dealFacts.containsKey(c.id()) ? dealFacts.get(c.id()).completed().stream()
                            .map(m -> new ClientState.CompletedMilestone(m.name(), m.completedAt())).toList()
                            : List.of(), drops.get(c.id())));
        }
        var today = dana.today(clock);
        AttentionPolicy policy = AttentionPolicy.of(attention.cadences(dana.teamId()), "phone, video, face to face");
        List<QueueEntry> expected = AttentionEngine.queue(naive, policy, today, dana.zone());
        List<QueueEntry> actual = attention.queue(dana, null).entries();

        assertThat(actual).extracting(QueueEntry::clientId).containsExactlyElementsOf(
                expected.stream().map(QueueEntry::clientId).toList());
        assertThat(actual).extracting(QueueEntry::overdueDays).containsExactlyElementsOf(
                expected.stream().map(QueueEntry::overdueDays).toList());
        assertThat(actual).isSortedAccordingTo(Comparator.comparingInt(QueueEntry::score).reversed());
        Set<ReasonCode> reasons = EnumSet.noneOf(ReasonCode.class);
        actual.forEach(e -> e.reasons().forEach(r -> reasons.add(r.code())));
        assertThat(reasons).contains(ReasonCode.DUE, ReasonCode.OVERDUE, ReasonCode.RICH_CONTACT_DUE,
                ReasonCode.LATE_SIGNAL, ReasonCode.PROMISE_DUE, ReasonCode.MILESTONE_UPDATE);
        assertThat(actual.size()).isLessThan(naive.size());
    }

    private List<Client> allClients(CurrentUser user) {
        List<Client> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Client> page = clients.search(user, new ClientQuery(null, null, null, null, null, null, true, cursor,
                    200));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private List<Touch> timeline(CurrentUser user, Client c) {
        List<Touch> touches = new ArrayList<>();
        String cursor = null;
        do {
            Page<Touch> page = clients.timeline(user, c.id(), cursor, 200);
            touches.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return touches;
    }
}
