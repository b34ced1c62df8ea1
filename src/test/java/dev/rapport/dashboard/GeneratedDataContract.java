package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.QueueEntry;
import dev.rapport.attention.ReasonCode;
import dev.rapport.bench.BenchGenerator;
import dev.rapport.clients.Channel;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientQuery;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.Direction;
import dev.rapport.clients.NewTouch;
import dev.rapport.clients.Rollups;
import dev.rapport.dashboard.DashboardRepository.DayTotals;
import dev.rapport.journal.ChallengeReport;
import dev.rapport.journal.DayTally;
import dev.rapport.journal.JournalReports;
import dev.rapport.shared.Page;
import dev.rapport.support.AppTestBase;
import dev.rapport.teams.CurrentUser;

/**
 * The benchmark generator at a small size: what it bulk-loads (COPY on PostgreSQL) carries the same
 * rollups that writes through the services would have left. Client rollups equal the fold of each
 * client's touches, journal_day equals the day tally of the raw entries, the dashboard's rollups equal
 * the raw recomputation and agree with every member's queue, and later writes keep them so.
 */
abstract class GeneratedDataContract extends AppTestBase {
    @Autowired
    BenchGenerator generator;
    @Autowired
    ClientService clients;
    @Autowired
    JournalReports journal;
    @Autowired
    AttentionService attention;
    @Autowired
    DashboardRepository repo;
    @Autowired
    DashboardRollups rollups;

    @Test
    void bulkLoadedRollupsEqualWhatWritesWouldHaveLeft() {
        BenchGenerator.Generated g = generator.generate(new BenchGenerator.Spec(3, 60, 1200, 300, 5, 7),
                new PrintWriter(new StringWriter()));
        assertThat(g.clients()).isEqualTo(60);
        assertThat(g.journalEntries()).isEqualTo(300);
        CurrentUser manager = g.manager();
        var weights = clients.channelWeights(g.team());

        Page<Client> all = clients.search(manager, new ClientQuery(null, null, null, null, null, null, true, null, 200));
        assertThat(all.items()).hasSize(60);
        long touched = 0;
        for (Client c : all.items()) {
            Rollups expected = Rollups.of(clients.touchesSince(manager, c.id(), Instant.EPOCH), weights);
            assertThat(new Rollups(c.lastTouchAt(), c.lastRichAt(), c.lastOutboundAt(), c.lastUpdateRequestAt()))
                    .as(c.details().name()).isEqualTo(expected);
            touched += expected.lastTouchAt() != null ? 1 : 0;
        }
        assertThat(touched).isGreaterThan(50);
        assertThat(all.items().stream().anyMatch(c -> c.details().kind() == ClientKind.INTERNAL)).isTrue();

        int days = 0;
        for (CurrentUser u : g.users()) {
            for (LocalDate d = g.today().minusDays(60); d.isBefore(g.today()); d = d.plusDays(1)) {
                DayTally raw = journal.day(u, d).tally();
                Map<String, Double> fromRaw = new TreeMap<>();
                raw.seconds().forEach((k, v) -> fromRaw.put(k, v / 60.0));
                Map<String, Double> fromRollup = new TreeMap<>();
                ChallengeReport report = journal.report(u, d, d);
                report.rows().stream().filter(r -> r.minutes() > 0).forEach(r -> fromRollup.put(r.category(),
                        r.minutes()));
                assertThat(fromRollup).as(u.email() + " " + d).isEqualTo(fromRaw);
                days += raw.loggedSeconds() > 0 ? 1 : 0;
            }
        }
        assertThat(days).isGreaterThan(20);

        assertRollupsAgree(g);
        // a write through the services after the bulk load keeps them right
        Client first = all.items().get(0);
        // the client's owner records it: members see their own clients (and shared ones) only
        CurrentUser owner = g.users().stream().filter(u -> u.userId().equals(first.details().ownerId())).findFirst()
                .orElse(g.manager());
        clients.recordTouch(owner, first.id(), new NewTouch(null, Channel.PHONE, Direction.INBOUND, null,
                null, null, true, false));
        assertRollupsAgree(g);
    }

    private void assertRollupsAgree(BenchGenerator.Generated g) {
        assertThat(flatten(repo.userDays(g.team()))).isEqualTo(flatten(rollups.rawUserDays(g.team()))).isNotEmpty();
        assertThat(repo.userMonths(g.team())).isEqualTo(rollups.rawUserMonths(g.team())).isNotEmpty();
        assertThat(repo.cadences(g.team())).containsExactlyInAnyOrderElementsOf(rollups.rawCadences(g.team()));
        Map<String, String> fromQueue = new TreeMap<>();
        for (CurrentUser u : g.users()) {
            List<QueueEntry> queue = attention.queue(u, g.today()).entries();
            Map<dev.rapport.shared.ClientId, Client> byId = clients.getAll(u,
                    queue.stream().map(QueueEntry::clientId).toList());
            int[][] c = new int[2][2];
            for (QueueEntry e : queue) {
                int kind = byId.get(e.clientId()).details().kind().ordinal();
                c[kind][0] += e.has(ReasonCode.OVERDUE) ? 1 : 0;
                c[kind][1] += e.has(ReasonCode.DUE) ? 1 : 0;
            }
            for (ClientKind k : ClientKind.values()) {
                if (c[k.ordinal()][0] + c[k.ordinal()][1] > 0) {
                    fromQueue.put(u.userId().value() + "/" + k.code(), c[k.ordinal()][0] + "/" + c[k.ordinal()][1]);
                }
            }
        }
        Map<String, String> fromRollup = new TreeMap<>();
        repo.cadenceCounts(g.team(), null, g.today()).forEach(c -> fromRollup.put(c.owner().value() + "/"
                + c.kind().code(), c.overdue() + "/" + (c.dueOrOverdue() - c.overdue())));
        assertThat(fromRollup).isEqualTo(fromQueue).isNotEmpty();
    }

    private static List<String> flatten(List<DayTotals> rows) {
        return rows.stream().map(DayTotals::toString).toList();
    }
}
