package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.clients.Channel;
import dev.rapport.clients.Client;
import dev.rapport.clients.Direction;
import dev.rapport.clients.NewTouch;
import dev.rapport.deals.Deal;
import dev.rapport.deals.DealService;
import dev.rapport.deals.DealStatus;
import dev.rapport.teams.Role;

/** Deals on a client's page (start, complete milestones), the milestone update in Today, the pipeline. */
class DealBrowserIntegrationTest extends BrowserTestBase {
    @Autowired
    DealService deals;

    private Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aHomeSaleStartsOnTheClientPageAndCompletingListedAsksForAnUpdateInToday() {
        var user = newTeam(Role.MEMBER);
        Client ada = client(user.user(), "Ada Lovelace", "B", 3);
        clients.recordTouch(user.user(), ada.id(), new NewTouch(null, Channel.PHONE, Direction.OUTBOUND, 10, null,
                null, false, false));
        signIn(user.email());
        assertThat(page.locator("#entry-" + ada.id())).hasCount(0); // just called: nobody needs her today

        page.navigate("/clients/" + ada.id());
        Locator section = page.locator("#deals");
        section.getByText("Start a deal").click();
        section.getByLabel("Title").fill("Sale of Elm St 4");
        section.getByLabel("Value (optional)").fill("450,000.5x");
        assertThat(section.getByLabel("Milestones")).hasValue(String.valueOf(deals.templates(user.user().teamId())
                .get(0).id()));
        button(section, "Start deal").click();
        assertThat(page.locator("#deal-amount-error")).hasText("must be a number such as 450000");
        assertThat(section.getByLabel("Title")).hasValue("Sale of Elm St 4");

        section.getByLabel("Value (optional)").fill("450,000");
        button(section, "Start deal").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Deal “Sale of Elm St 4” started: 10 milestones to go.");
        Deal deal = deals.list(user.user(), ada.id(), null).get(0);
        assertThat(deal.amount()).isEqualByComparingTo(new BigDecimal("450000"));
        Locator card = page.locator("#deal-" + deal.id());
        assertThat(card).containsText("450,000");
        assertThat(card).containsText("0 of 10 milestones");
        assertThat(card.locator(".milestone-next")).containsText("listing agreement signed");

        button(card, "Complete listing agreement signed").click();
        card.getByText("8 later milestones").click();
        button(card, "Complete listed").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("“listed” completed on Sale of Elm St 4. Tell "
                + "the client: they are in Today until you do.");
        assertThat(card.locator(".milestone-done .milestone-name")).hasText(new String[] {"listing agreement signed",
                "listed"});
        assertThat(card.locator(".milestone-done .milestone-date").first()).hasText("23 Nov 2026");
        assertThat(card.locator(".milestone-next")).containsText("photos and listing prepared");
        assertThat(card.locator(".badge-listing")).hasText("Active listing · weekly contact");
        card.getByText("7 later milestones").click();
        screenshots("client-deal-small");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Today").setExact(true)).click();
        Locator entry = page.locator("#entry-" + ada.id());
        assertThat(entry.locator(".badge-milestone_update")).hasText("Milestone update");
        assertThat(entry).containsText("milestone “listed” completed on 2026-11-23 (and 1 earlier) — tell the client");

        // telling the client (after the milestone) ends it
        clock.advance(Duration.ofMinutes(5));
        entry.getByText("Log touch").click();
        entry.getByLabel("Note").fill("Your home is listed");
        button(entry, "Save touch").click();
        assertThat(entry).containsText("Logged a touch with Ada Lovelace.");
        page.reload();
        assertThat(page.locator("#entry-" + ada.id())).hasCount(0);
    }

    @Test
    void thePipelineShowsStagesAndOpenDealsWithListingAndStaleMarkers() {
        var user = newTeam(Role.MEMBER);
        Client ada = client(user.user(), "Ada Lovelace", "B", 30);
        Client bob = client(user.user(), "Bob Babbage", "B", 30);
        Deal old = deals.create(user.user(), bob.id(), "Sale of Canal House", null, new BigDecimal("800000"));
        clock.advance(Duration.ofDays(20));
        Deal listed = deals.create(user.user(), ada.id(), "Sale of Elm St 4", null, new BigDecimal("450000"));
        deals.complete(user.user(), listed.id(), "listed");
        signIn(user.email());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deals").setExact(true)).click();

        assertThat(page.locator(".count", new Page.LocatorOptions().setHasText("Open deals")).locator("dd"))
                .hasText("2");
        assertThat(page.locator(".count", new Page.LocatorOptions().setHasText("Value")).locator("dd"))
                .hasText("1,250,000");
        assertThat(page.locator(".pipeline-table tbody tr")).hasCount(2);
        Locator notStarted = page.locator(".pipeline-table tbody tr", new Page.LocatorOptions()
                .setHasText("not started"));
        assertThat(notStarted).containsText("800,000");
        assertThat(notStarted).containsText("20 days");
        assertThat(notStarted.locator(".stale-count")).hasText("1");

        assertThat(page.locator("#deal-row-" + old.id())).containsText("Bob Babbage");
        assertThat(page.locator("#deal-row-" + old.id() + " .badge-stale")).hasText("Stale");
        assertThat(page.locator("#deal-row-" + listed.id() + " .badge-listing")).hasText("Active listing");
        assertThat(page.locator("#deal-row-" + listed.id() + " .badge-stale")).hasCount(0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sale of Canal House")).click();
        Locator card = page.locator("#deal-" + old.id());
        card.getByText("9 later milestones").click();
        button(card, "Mark the deal as lost").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Sale of Canal House is marked as lost.");
        assertThat(card.locator(".badge-deal-lost")).hasText("Lost");
        assertThat(deals.get(user.user(), old.id()).status()).isEqualTo(DealStatus.LOST);
    }
}
