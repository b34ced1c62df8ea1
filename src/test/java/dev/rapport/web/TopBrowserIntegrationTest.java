package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import dev.rapport.clients.Client;
import dev.rapport.teams.Role;

class TopBrowserIntegrationTest extends BrowserTestBase {

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void twoClientsAreChosenRatedAndRatedAgainWithTheChange() {
        var user = newTeam(Role.MEMBER);
        client(user.user(), "Ada Lovelace", "A", 30);
        Client grace = client(user.user(), "Grace Hopper", "B", 30);
        client(user.user(), "Alan Turing", "C", 30);
        signIn(user.email());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Top").setExact(true)).click();
        assertThat(page.locator("main h1")).hasText("Top relationships");
        assertThat(page.getByText("No top relationships chosen yet.")).isVisible();

        // the same client twice is refused, with the choices kept
        page.getByLabel("Relationship 1", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Grace Hopper"));
        page.getByLabel("Relationship 2", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Grace Hopper"));
        button("Save list").click();
        assertThat(page.locator("#choose [role=alert]")).containsText("lists a client twice");
        page.getByLabel("Relationship 2", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Ada Lovelace"));
        button("Save list").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Top relationships saved.");
        assertThat(page.locator(".top-name")).hasText(new String[] {"Grace Hopper", "Ada Lovelace"});

        Locator row = page.locator("#top-" + grace.id());
        assertThat(row).containsText("Not rated");
        row.getByLabel("Now (1-10)").fill("11");
        row.getByLabel("Target (1-10)").fill("9");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rate Grace Hopper")).click();
        assertThat(page.locator("#now-" + grace.id() + "-error")).hasText("must be 1 to 10");
        assertThat(page.locator("#target-" + grace.id())).hasValue("9");

        page.locator("#now-" + grace.id()).fill("5");
        page.locator("#rating-note-" + grace.id()).fill("first lunch");
        page.locator("#top-" + grace.id() + " button").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Rated Grace Hopper.");
        assertThat(row.locator(".top-rating")).hasText("5 / 9");
        assertThat(row.locator(".top-gap")).hasText("4");
        assertThat(row.locator(".top-change")).hasText("—");

        clock.advance(Duration.ofDays(7));
        page.locator("#now-" + grace.id()).fill("7");
        page.locator("#top-" + grace.id() + " button").click();
        assertThat(row.locator(".top-rating")).hasText("7 / 9");
        assertThat(row.locator(".top-change")).hasText("▲ +2");
        assertThat(row.locator(".top-gap")).hasText("2");
        page.navigate("/top"); // from the top, not the anchor the redirect went to
        screenshots("top");

        page.locator("#now-" + grace.id()).fill("6");
        page.locator("#top-" + grace.id() + " button").click();
        assertThat(row.locator(".top-change")).hasText("▼ -1");
    }

    @Test
    void depthIsSetOnTheClientPageWithItsHistory() {
        var user = newTeam(Role.MEMBER);
        Client ada = client(user.user(), "Ada Lovelace", "A", 30);
        signIn(user.email());
        page.navigate("/clients/" + ada.id());
        Locator depth = page.locator("#depth");
        assertThat(depth).containsText("No depth changes yet.");

        page.getByLabel("Current depth").selectOption("1");
        page.getByLabel("Target depth").selectOption("3");
        depth.getByLabel("Depth note").fill("talked about the family business");
        button("Save depth").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Depth saved.");
        assertThat(page.locator(".facts")).containsText("1 now → 3 target");
        assertThat(depth.locator(".depth-history li")).hasCount(1);
        assertThat(depth.locator(".depth-history li").first()).containsText("1 → 3");
        assertThat(depth.locator(".depth-history li").first()).containsText("talked about the family business");

        clock.advance(Duration.ofDays(3));
        page.getByLabel("Current depth").selectOption("2");
        button("Save depth").click();
        assertThat(depth.locator(".depth-history li")).hasCount(2);
        assertThat(depth.locator(".depth-history li").first()).containsText("2 → 3");
        assertThat(depth.locator(".depth-history li").first()).containsText("26 Nov 2026");
        assertThat(page.getByLabel("Current depth")).hasValue("2");
        screenshots("client-depth");
    }
}
