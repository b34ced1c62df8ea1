package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.clients.Channel;
import dev.rapport.clients.Client;
import dev.rapport.clients.Direction;
import dev.rapport.clients.NewTouch;
import dev.rapport.teams.Role;

class TodayBrowserIntegrationTest extends BrowserTestBase {

    private Locator entry(Page p, Client c) {
        return p.locator("#entry-" + c.id());
    }

    @Test
    void showsTheQueueWithReasonsAndCounts() {
        var user = newTeam(Role.MEMBER);
        Client overdue = client(user.user(), "Olga Overdue", "A", 20);
        Client late = client(user.user(), "Lars Late", "B", 3);
        clients.recordTouch(user.user(), late.id(), new NewTouch(null, Channel.EMAIL, Direction.INBOUND, null,
                "Any news on the offer?", null, true, false));
        client(user.user(), "Nina New", "C", 0);

        signIn(user.email());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Today").setExact(true)))
                .isVisible();
        assertThat(page.locator(".count", new Page.LocatorOptions().setHasText("Overdue")).locator("dd")).hasText("1");
        assertThat(page.locator(".count", new Page.LocatorOptions().setHasText("Due today")).locator("dd"))
                .hasText("1");
        assertThat(page.locator(".count", new Page.LocatorOptions().setHasText("Late signals")).locator("dd"))
                .hasText("1");
        assertThat(entry(page, overdue)).containsText(
                "never touched since added on 2026-11-03, tier A allows at most 14 days — 6 days overdue");
        assertThat(entry(page, late)).containsText("asked for an update on 2026-11-23 — you were late");
        assertThat(page.locator(".queue > li")).hasCount(3);
        // ranked: the overdue tier A client comes first
        assertThat(page.locator(".queue > li").first()).containsText("Olga Overdue");
        screenshots("today-small");
    }

    @Test
    void loggingATouchUpdatesTheEntryInPlaceAndTheClientLeavesTheQueue() {
        var user = newTeam(Role.MEMBER);
        Client ada = client(user.user(), "Ada Lovelace", "A", 20);
        Client bob = client(user.user(), "Bob Babbage", "A", 20);
        signIn(user.email());
        String url = page.url();

        Locator card = entry(page, ada);
        card.getByText("Log touch").click();
        card.getByLabel("Channel").selectOption("video");
        card.getByLabel("Minutes").fill("25");
        card.getByLabel("Note").fill("Quarterly review");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save touch")).click();

        assertThat(card).containsText("Logged a touch with Ada Lovelace.");
        assertThat(page.locator(".count", new Page.LocatorOptions().setHasText("Overdue")).locator("dd")).hasText("1");
        assertThat(page).hasURL(url); // htmx: no navigation, the entry changed in place
        assertThat(entry(page, bob)).containsText("overdue");

        page.reload();
        assertThat(entry(page, ada)).hasCount(0);
        assertThat(entry(page, bob)).isVisible();
        var timeline = clients.timeline(user.user(), ada.id(), null, 10).items();
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).channel()).isEqualTo(Channel.VIDEO);
        assertThat(timeline.get(0).minutes()).isEqualTo(25);
        assertThat(timeline.get(0).note()).isEqualTo("Quarterly review");
    }

    @Test
    void snoozingNeedsAReasonThenHidesTheEntryUntilItsDate() {
        var user = newTeam(Role.MEMBER);
        Client ada = client(user.user(), "Ada Lovelace", "A", 20);
        signIn(user.email());

        Locator card = entry(page, ada);
        card.getByText("Snooze").first().click();
        card.getByLabel("Until").fill("2026-12-01");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Snooze")).last().click();
        assertThat(card.locator("#reason-" + ada.id() + "-error")).hasText("must not be empty");
        assertThat(card.getByLabel("Reason")).hasAttribute("aria-invalid", "true");

        card.getByLabel("Reason").fill("On holiday until December");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Snooze")).last().click();
        assertThat(card).containsText("Snoozed Ada Lovelace until 1 Dec 2026.");

        page.reload();
        assertThat(entry(page, ada)).hasCount(0);
        assertThat(page.getByText("1 snoozed", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(attention.queue(user.user(), LocalDate.of(2026, 12, 1)).entries()).hasSize(1);

        // the client page says so, and can end the snooze early
        page.navigate("/clients/" + ada.id());
        assertThat(page.locator(".snoozed")).containsText("Snoozed until 1 Dec 2026: On holiday until December");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End snooze")).click();
        assertThat(page.locator(".snoozed")).hasCount(0);
        page.navigate("/");
        assertThat(entry(page, ada)).isVisible();
    }

    @Test
    void withoutJavaScriptThePlainFormsPostAndRedirect() {
        var user = newTeam(Role.MEMBER);
        Client ada = client(user.user(), "Ada Lovelace", "A", 20);
        BrowserContext noJs = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        try {
            Page p = noJs.newPage();
            signIn(p, user.email());
            Locator card = entry(p, ada);
            card.getByText("Log touch").click();
            card.getByLabel("Minutes").fill("-5");
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save touch")).click();
            assertThat(entry(p, ada).locator("#minutes-" + ada.id() + "-error")).hasText("must not be negative");

            entry(p, ada).getByLabel("Minutes").fill("10");
            entry(p, ada).getByLabel("Who reached out").selectOption("update_request");
            entry(p, ada).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save touch")).click();
            assertThat(p.getByRole(AriaRole.STATUS).first()).hasText("Logged a touch with Ada Lovelace.");
            // an inbound update request restarts the cadence but is a late signal: still in the queue
            assertThat(entry(p, ada)).containsText("you were late");
        } finally {
            noJs.close();
        }
    }

    @Test
    void theQueueIsKeyboardUsable() {
        var user = newTeam(Role.MEMBER);
        Client ada = client(user.user(), "Ada Lovelace", "A", 20);
        signIn(user.email());

        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        Locator summary = entry(page, ada).locator("summary", new Locator.LocatorOptions().setHasText("Log touch"));
        summary.focus();
        page.keyboard().press("Enter");
        assertThat(entry(page, ada).getByLabel("Channel")).isVisible();
        entry(page, ada).getByLabel("Note").focus();
        page.keyboard().type("Called from the train");
        page.keyboard().press("Tab");
        assertThat(entry(page, ada).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save touch")))
                .isFocused();
        page.keyboard().press("Enter");
        assertThat(entry(page, ada)).containsText("Logged a touch");
        assertThat(entry(page, ada)).isFocused();
    }
}
