package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.journal.JournalEntry;
import dev.rapport.journal.JournalService;
import dev.rapport.teams.Role;

/** The journal page (quick entry, timeline, tally, gaps, timer) and the 24-hour challenge report. */
class JournalBrowserIntegrationTest extends BrowserTestBase {
    /** The test clock's today in Europe/Amsterdam (a Monday; it is 10:00 there). */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Autowired
    JournalService journal;

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void log(String text) {
        page.getByLabel("What did you do?").fill(text);
        button("Log").click();
    }

    private Locator row(String category) {
        return page.locator("#share-table tbody tr", new Page.LocatorOptions().setHas(
                page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(category).setExact(true))));
    }

    @Test
    void quickLoggedTimeShowsInTheDayAndChangesTheReport() {
        var user = newTeam(Role.MEMBER);
        signIn(user.email());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Journal")).click();
        assertThat(page.locator("main h1")).hasText("Journal");
        assertThat(page.locator(".gaps")).containsText("08:00–10:00 · 2 h");

        log("08:00-09:00 admin weekly planning");
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Logged 1 h of Internal admin (08:00–09:00).");
        Locator entry = page.locator(".journal-entry").first();
        assertThat(entry).containsText("08:00–09:00");
        assertThat(entry).containsText("Internal admin");
        assertThat(entry).containsText("weekly planning");
        assertThat(page.locator(".tally")).containsText("Internal admin");
        assertThat(page.locator(".gaps")).containsText("09:00–10:00 · 1 h");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Challenge report")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Day").setExact(true)))
                .hasAttribute("aria-current", "page");
        assertThat(row("Internal admin")).containsText("1 h");
        assertThat(row("Internal admin")).containsText("100.0%");
        assertThat(row("Email")).containsText("0.0%");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Journal")).click();
        log("30m email");
        assertThat(page.locator(".journal-entry", new Page.LocatorOptions().setHasText("Email"))).containsText("30 min");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Challenge report")).click();
        assertThat(row("Internal admin")).containsText("66.7%");
        assertThat(row("Email")).containsText("30 min");
        assertThat(row("Email")).containsText("33.3%");
        assertThat(row("Email")).containsText("24.0%");
        assertThat(row("Email")).containsText("+9.3 pts");
        assertThat(page.locator(".count", new Page.LocatorOptions().setHasText("Logged")).locator("dd").first())
                .hasText("1 h 30 min");

        // a week's report holds the same day; its chart draws from the table
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Week").setExact(true)).click();
        assertThat(page.locator(".page-head")).containsText("23–29 Nov 2026");
        assertThat(row("Email")).containsText("33.3%");
    }

    @Test
    void aBadEntryShowsItsErrorNextToTheInputAndWritesNothing() {
        var user = newTeam(Role.MEMBER);
        signIn(user.email());
        page.navigate("/journal");

        log("25h email");
        assertThat(page.locator("#quick-text-error")).hasText("'25h' must be more than 0 and at most 24h");
        assertThat(page.getByLabel("What did you do?")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("What did you do?")).hasValue("25h email");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please check the form");

        log("1h teleporting");
        assertThat(page.locator("#quick-text-error")).containsText("unknown category 'teleporting'; use one of");
        assertThat(journal.entries(user.user(), TODAY.minusDays(7), TODAY.plusDays(7))).isEmpty();
        assertThat(page.locator(".journal-entry")).hasCount(0);
    }

    @Test
    void anOverlapNamesTheOtherEntryUntilSplitIsTicked() {
        var user = newTeam(Role.MEMBER);
        signIn(user.email());
        page.navigate("/journal");
        log("08:00-09:00 admin");

        log("08:30-09:15 email inbox");
        assertThat(page.locator("#quick-text-error")).containsText("Overlaps journal entry #");
        assertThat(page.locator("#quick-text-error")).containsText("(2026-11-23 08:00-09:00, internal_admin)");
        assertThat(page.locator("#quick-text-error")).containsText("tick “Split overlapping entries”");
        assertThat(journal.entries(user.user(), TODAY, TODAY)).hasSize(1);

        page.getByLabel("Split overlapping entries").check();
        button("Log").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Logged 45 min of Email (08:30–09:15).");
        assertThat(page.locator(".journal-entry .entry-time")).hasText(new String[] {"08:00–08:30", "08:30–09:15"});
        assertThat(journal.entries(user.user(), TODAY, TODAY)).extracting(JournalEntry::category)
                .containsExactly("internal_admin", "email");
    }

    @Test
    void entriesOnOtherDaysAreReachedWithTheDayPickerAndCanBeDeleted() {
        var user = newTeam(Role.MEMBER);
        signIn(user.email());
        page.navigate("/journal");
        page.getByLabel("Day", new Page.GetByLabelOptions().setExact(true)).fill("2026-11-20");
        log("2h firefighting server down");
        assertThat(page).hasURL(baseUrl() + "/journal?date=2026-11-20");
        assertThat(page.locator(".page-head")).containsText("Friday 20 November 2026");
        assertThat(page.locator(".journal-entry")).containsText("Firefighting");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next day →")).click();
        assertThat(page.locator(".page-head")).containsText("Saturday 21 November 2026");
        assertThat(page.locator(".journal-entry")).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Previous day")).click();
        page.locator(".journal-entry").getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Entry deleted.");
        assertThat(page.locator(".journal-entry")).hasCount(0);
        assertThat(journal.entries(user.user(), TODAY.minusDays(7), TODAY)).isEmpty();
    }

    @Test
    void theTimerLogsItsTimeWhenStopped() {
        var user = newTeam(Role.MEMBER);
        signIn(user.email());
        page.navigate("/journal");
        page.getByLabel("Category").selectOption("email");
        page.getByLabel("Note (optional)").fill("inbox zero");
        button("Start timer").click();
        assertThat(page.locator(".timer-running")).containsText("Email since 10:00 · 0 min so far");

        clock.advance(Duration.ofMinutes(25));
        page.reload();
        assertThat(page.locator(".timer-running")).containsText("25 min so far");
        button("Stop and log").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Timer stopped: logged 25 min (10:00–10:25).");
        assertThat(page.locator(".journal-entry")).containsText("inbox zero");
        assertThat(page.locator(".timer-running")).hasCount(0);
    }

    @Test
    void theChartRendersFromTheTableWithoutConsoleErrors() {
        var user = newTeam(Role.MEMBER);
        journal.quick(user.user(), "08:00-09:30 client review", TODAY, null, false);
        journal.quick(user.user(), "45m email", TODAY, null, false);
        journal.quick(user.user(), "2h errands", TODAY.minusDays(1), null, false);
        signIn(user.email());
        page.navigate("/journal/report?period=week");

        Locator canvas = page.locator("#share-chart[data-rendered=true]");
        assertThat(canvas).isVisible();
        Object bars = page.evaluate("() => Chart.getChart('share-chart').data.datasets.map(d => d.data.length)");
        assertThat(bars).hasToString("[8, 8]");
        Object box = page.evaluate("() => { const r = document.getElementById('share-chart')"
                + ".getBoundingClientRect(); return r.width > 200 && r.height > 200; }");
        assertThat(box).isEqualTo(true);
        assertThat(page.locator(".observations").first()).containsText("Customer-facing time was");
        assertThat(row("Client interaction")).containsText("1 h 30 min");
        screenshots("journal-report-small");
    }

    @Test
    void aChallengeShowsTodaysGapsAndRemindsInToday() {
        var user = newTeam(Role.MEMBER);
        signIn(user.email());
        page.navigate("/journal/report");
        button("Start a 24-hour challenge").click();
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .containsText("24-hour challenge started for 23 Nov 2026.");
        Locator challenge = page.locator("#challenge");
        assertThat(challenge).containsText("Running");
        assertThat(challenge).containsText("08:00–10:00 · 2 h");
        assertThat(button("Start a working-week challenge")).hasCount(0);

        page.navigate("/");
        assertThat(page.locator(".reminder")).containsText("24-hour challenge: 1 unlogged gap today (08:00–10:00)");
        page.navigate("/journal");
        assertThat(page.locator(".challenge-banner")).containsText("1 unlogged gap today");
        log("08:00-10:00 admin");
        assertThat(page.locator(".challenge-banner")).containsText("no unlogged gaps today so far");

        // the day after, it is over: what it found instead of the gaps
        clock.advance(Duration.ofDays(1));
        page.navigate("/journal/report");
        assertThat(challenge).containsText("Finished");
        assertThat(challenge).containsText("Customer-facing time was 0% of what you logged");
        assertThat(button("Start a 24-hour challenge")).isVisible();
    }
}
