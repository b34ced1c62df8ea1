package dev.rapport.attention;

import static dev.rapport.support.MutableClock.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.Channel;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.ClientStatus;
import dev.rapport.clients.Direction;
import dev.rapport.clients.NewTouch;
import dev.rapport.shared.ClientId;
import dev.rapport.support.AppTestBase;
import dev.rapport.support.H2Initializer;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;

/** The cadence standing of any team client, as the web client list shows it. */
@ContextConfiguration(initializers = H2Initializer.class)
class CadenceStatusIntegrationTest extends AppTestBase {
    @Autowired
    ClientService clients;
    @Autowired
    AttentionService attention;

    private Client client(CurrentUser user, CurrentUser owner, String name, String tier) {
        return clients.create(user, new ClientDetails(name, null, null, null, null, null, owner.userId(), tier,
                ClientStatus.ACTIVE, ClientKind.EXTERNAL, null, null, null, CadenceOverride.NONE, null, null),
                START.minus(Duration.ofDays(60)));
    }

    @Test
    void reportsDueDatesOverdueDaysAndReasonsForClientsOfAnyOwnerIgnoringSnoozes() {
        var me = newTeam(Role.MANAGER).user();
        var colleague = newMember(me.teamId(), Role.MEMBER).user();
        Client overdue = client(me, colleague, "Overdue Olga", "A");
        Client fresh = client(me, me, "Fresh Fred", "A");
        clients.recordTouch(me, fresh.id(), new NewTouch(START.minus(Duration.ofDays(2)), Channel.PHONE,
                Direction.OUTBOUND, 10, null, null, false, false));
        clients.recordTouch(me, overdue.id(), new NewTouch(START.minus(Duration.ofDays(20)),
                Channel.EMAIL, Direction.OUTBOUND, null, null, null, false, false));
        attention.snooze(me, fresh.id(), LocalDate.of(2026, 12, 1), "on holiday");

        Map<ClientId, CadenceStatus> status = attention.cadenceStatus(me,
                List.of(clients.get(me, overdue.id()), clients.get(me, fresh.id())));

        CadenceStatus olga = status.get(overdue.id());
        assertThat(olga.dueOn()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(olga.overdueDays()).isEqualTo(6);
        assertThat(olga.has(ReasonCode.OVERDUE)).isTrue();
        assertThat(olga.onTrack()).isFalse();
        CadenceStatus fred = status.get(fresh.id());
        assertThat(fred.onTrack()).isTrue();
        assertThat(fred.dueOn()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(fred.overdueDays()).isZero();
    }

    @Test
    void activeSnoozeIsTheOneHidingTheEntryTodayUntilItsDateOrALaterUpdateRequest() {
        var me = newTeam(Role.MEMBER).user();
        Client ada = client(me, me, "Ada", "A");
        Client bob = client(me, me, "Bob", "A");
        assertThat(attention.activeSnooze(me, ada)).isEmpty();
        attention.snooze(me, ada.id(), LocalDate.of(2026, 12, 1), "on holiday");
        attention.snooze(me, bob.id(), LocalDate.of(2026, 12, 1), "waiting for the bank");
        assertThat(attention.activeSnooze(me, clients.get(me, ada.id())))
                .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo("on holiday"));

        clock.advance(Duration.ofHours(1));
        clients.recordTouch(me, bob.id(), new NewTouch(null, Channel.EMAIL, Direction.INBOUND, null, null, null,
                true, false));
        assertThat(attention.activeSnooze(me, clients.get(me, bob.id()))).isEmpty();

        clock.advance(Duration.ofDays(8));
        assertThat(attention.activeSnooze(me, clients.get(me, ada.id()))).isEmpty();
    }
}
