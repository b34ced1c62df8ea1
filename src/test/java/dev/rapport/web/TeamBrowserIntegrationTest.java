package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.Channel;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientStatus;
import dev.rapport.clients.Direction;
import dev.rapport.clients.NewTouch;
import dev.rapport.support.MutableClock;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;

class TeamBrowserIntegrationTest extends BrowserTestBase {

    private void touch(CurrentUser user, Client c, int daysAgo, boolean lateSignal) {
        clients.recordTouch(user, c.id(), new NewTouch(MutableClock.START.minus(Duration.ofDays(daysAgo)),
                Channel.EMAIL, lateSignal ? Direction.INBOUND : Direction.OUTBOUND, null, null, null, lateSignal, false));
    }

    private Client internal(CurrentUser user, String name) {
        return clients.create(user, new ClientDetails(name, null, List.of(), List.of(), List.of(), List.of(),
                user.userId(), "C", ClientStatus.ACTIVE, ClientKind.INTERNAL, null, null, null, CadenceOverride.NONE,
                null, List.of()), MutableClock.START.minus(Duration.ofDays(200)));
    }

    private Locator link(Page p, String name) {
        return p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aManagerSeesEveryMemberTheTrendAndDrillsDownToOverdueClients() {
        var manager = newTeam(Role.MANAGER);
        var ann = newMember(manager.user().teamId(), Role.MEMBER);
        var ben = newMember(manager.user().teamId(), Role.MEMBER);
        Client acme = client(ann.user(), "ACME Holdings", "A", 60);
        touch(ann.user(), acme, 30, false);
        touch(ann.user(), acme, 20, true);
        Client bravo = client(ann.user(), "Bravo Bank", "A", 60);
        touch(ann.user(), bravo, 9, false);
        Client desk = internal(ann.user(), "IT desk");
        touch(ann.user(), desk, 100, false);
        Client fresh = client(ben.user(), "Fresh Foods", "B", 5);
        touch(ben.user(), fresh, 1, false);

        signIn(manager.email());
        link(page, "Team").click();
        assertThat(page.locator("main h1")).hasText("Team");
        assertThat(page.locator("main")).containsText("November 2026");
        Locator annRow = page.locator("#team-table tbody tr", new Page.LocatorOptions().setHasText(ann.user()
                .displayName()));
        assertThat(annRow.locator("td[data-label='Overdue (external)']")).hasText("1");
        assertThat(annRow.locator("td[data-label='Due (external)']")).hasText("1");
        assertThat(annRow.locator("td[data-label='Late (external)']")).hasText("1");
        assertThat(annRow.locator("td[data-label='Overdue (internal)']")).hasText("1");
        assertThat(page.locator("#team-table tbody tr")).hasCount(3);
        assertThat(page.locator("#team-table tfoot")).containsText("Team");
        assertThat(page.locator("#team-totals")).containsText("+ 1 internal");
        assertThat(page.locator("#trend-table tbody tr")).hasCount(6);
        assertThat(page.locator("#trend-chart")).hasAttribute("data-rendered", "true");
        // late rate: Ann's one update request against two clients served in November (ACME, Bravo)
        Locator annLate = page.locator("#late-table tbody tr", new Page.LocatorOptions().setHasText(ann.user()
                .displayName()));
        assertThat(annLate.locator("td[data-label='November 2026']")).containsText("50.0%");
        assertThat(annLate.locator("td[data-label='November 2026']")).containsText("1 request · 2 clients served");
        assertThat(page.locator("#late-table tr.team-total")).containsText("33.3%");
        screenshots("team-small");
        page.locator("#late-rates").scrollIntoViewIfNeeded();
        screenshots("team-late-rate");

        link(page, "← Previous month").click();
        assertThat(page.locator("main")).containsText("October 2026");
        link(page, "Week").click();
        assertThat(page.locator("#trend-table tbody tr")).hasCount(1);

        page.navigate("/team");
        annRow.locator("td[data-label='Overdue (internal)'] a").click();
        assertThat(page.locator("main h1")).hasText("Overdue clients of " + ann.user().displayName());
        assertThat(page.locator("#overdue-list > li")).hasCount(1);
        assertThat(page.locator("#overdue-list")).containsText("IT desk");
        assertThat(page.locator("#overdue-list")).containsText(
                "100 days since last touch, tier C allows at most 90 days — 10 days overdue");
        link(page, "All").click();
        assertThat(page.locator("#overdue-list > li")).hasCount(2);
        assertThat(page.locator("#overdue-list > li").first()).containsText("IT desk");
        assertThat(page.locator("#overdue-list > li").nth(1)).containsText("ACME Holdings");
        assertThat(page.locator("#overdue-list > li").nth(1)).containsText("Late signal");
        screenshots("team-overdue");
        link(page, "ACME Holdings").click();
        assertThat(page.locator("main h1")).hasText("ACME Holdings");

        // another team's member is simply not found
        var stranger = newTeam(Role.MEMBER);
        expectConsoleError("404");
        page.navigate("/team/members/" + stranger.userId().value() + "/overdue");
        assertThat(page.locator("main h1")).hasText("Not found");
    }

    @Test
    void theTeamPageWorksWithoutJavaScriptAndMembersSeeOnlyThemselves() {
        var manager = newTeam(Role.OWNER);
        var member = newMember(manager.user().teamId(), Role.MEMBER);
        Client late = client(member.user(), "Late Ltd", "A", 60);
        touch(member.user(), late, 40, false);

        BrowserContext noJs = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        Page p = noJs.newPage();
        signIn(p, manager.email());
        p.navigate("/team");
        assertThat(p.locator("#team-table tbody tr")).hasCount(2);
        assertThat(p.locator("#trend-table")).isVisible();
        assertThat(p.locator("#trend-chart")).not().hasAttribute("data-rendered", "true");
        noJs.close();

        signIn(member.email());
        assertThat(link(page, "Team")).hasCount(0);
        page.navigate("/team");
        assertThat(page.locator("main h1")).hasText("Your figures");
        assertThat(page.locator("#team-table tbody tr")).hasCount(1);
        assertThat(page.locator("#team-table tbody tr td[data-label='Overdue (external)']")).hasText("1");
        expectConsoleError("403");
        page.navigate("/team/members/" + manager.userId().value() + "/overdue");
        assertThat(page.locator("main h1")).hasText("Not allowed");
    }
}
