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
        List<ClientState> naive = new ArrayList<>();
        for (Client c : all) {
            if (!c.details().ownerId().equals(dana.userId())) {
                continue;
            }
            Rollups r = Rollups.of(timeline(dana, c), weights);
            naive.add(new ClientState(new CadenceFacts(c.id(), c.details().name(), c.details().tier(),
                    c.details().cadence(), c.details().signedOn(), c.createdAt(), r.lastTouchAt(), r.lastRichAt(),
                    r.lastOutboundAt(), r.lastUpdateRequestAt()), false, null));
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
                ReasonCode.LATE_SIGNAL);
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
