package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.demo.DemoData;

/**
 * The main screens with the demo data, at desktop (1280 px) and phone (390 px) width, into
 * target/screenshots for a person to look at; it also proves every screen renders the demo data
 * without a console error.
 */
class ScreenshotsBrowserIntegrationTest extends BrowserTestBase {
    @Autowired
    DemoData demo;

    @Test
    void mainScreens() {
        demo.seedIfMissing();
        page.navigate("/login");
        screenshots("login");
        signIn(page, DemoData.LOGIN, DemoData.PASSWORD);
        assertThat(page.locator(".queue > li").first()).isVisible();
        screenshots("today");

        page.locator(".entry").first().getByText("Log touch").click();
        screenshots("today-log-touch");

        page.navigate("/clients");
        screenshots("clients");

        page.navigate("/");
        page.locator(".entry:has(.badge-late_signal) .entry-name a").first().click();
        assertThat(page.locator(".touch-late").first()).isVisible();
        screenshots("client");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).click();
        screenshots("client-edit");

        page.navigate("/settings");
        screenshots("settings");

        page.navigate("/team/members");
        assertThat(page.locator(".members-table tbody tr")).hasCount(4);
        screenshots("team-members");
        page.navigate("/team/audit");
        assertThat(page.locator(".audit-table tbody tr").first()).containsText("Signed in");
        screenshots("team-audit");

        // the demo's journal has working days before today: last Friday, and the month so far
        page.navigate("/journal?date=2026-11-20");
        assertThat(page.locator(".journal-entry").first()).isVisible();
        screenshots("journal");
        page.navigate("/journal/report?period=month");
        assertThat(page.locator("#share-chart[data-rendered=true]")).isVisible();
        screenshots("journal-report");

        page.navigate("/promises");
        assertThat(page.locator(".promise").first()).isVisible();
        screenshots("promises");

        page.navigate("/deals");
        assertThat(page.locator(".pipeline-table")).isVisible();
        screenshots("deals");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sale of Prinsengracht 263")).click();
        assertThat(page.locator(".deal .badge-listing")).isVisible();
        screenshots("client-deal");

        page.navigate("/team");
        assertThat(page.locator("#trend-chart[data-rendered=true]")).isVisible();
        screenshots("team");
    }
}
