package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.clients.Client;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseService;
import dev.rapport.promises.PromiseStatus;
import dev.rapport.teams.Role;

/** Promises on a client's page and on /promises: make, keep, break, renegotiate; the kept rate. */
class PromiseBrowserIntegrationTest extends BrowserTestBase {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Autowired
    PromiseService promises;

    private Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aPromiseMadeOnAClientPageIsKeptAndCountsInTheKeptRate() {
        var user = newTeam(Role.MEMBER);
        Client ada = client(user.user(), "Ada Lovelace", "A", 3);
        signIn(user.email());
        page.navigate("/clients/" + ada.id());

        Locator section = page.locator("#promises");
        assertThat(section).containsText("No promises to this client yet.");
        button(section, "Add promise").click();
        assertThat(page.locator("#promise-text-error")).hasText("must say what you promised");

        page.getByLabel("What you promised").fill("send the revised valuation");
        page.getByLabel("Due", new Page.GetByLabelOptions().setExact(true)).fill("2026-11-23");
        button(section, "Add promise").click();
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .hasText("Promise noted: “send the revised valuation”, due 23 Nov 2026.");
        Locator promise = section.locator(".promise").first();
        assertThat(promise).containsText("Open");
        assertThat(promise).containsText("Due 23 Nov 2026 · due today");
        screenshots("client-promise");

        // due today: Today says so
        page.navigate("/");
        assertThat(page.locator("#entry-" + ada.id() + " .badge-promise_due")).hasText("Promise due");
        assertThat(page.locator("#entry-" + ada.id()))
                .containsText("you promised “send the revised valuation” by 2026-11-23 — due today");

        page.navigate("/clients/" + ada.id());
        button(promise, "Mark kept: send the revised valuation").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Kept: “send the revised valuation”.");
        assertThat(page.locator("#promises .promise").first()).containsText("Kept");
        assertThat(page.locator("#promises .promise").first().getByRole(AriaRole.BUTTON)).hasCount(0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Promises").setExact(true)).click();
        assertThat(page.locator("#kept-rate dd").first()).hasText("100%");
        assertThat(page.locator("#kept-rate")).containsText("1 kept · 0 broken");
        assertThat(page.locator("#pending-title + p")).hasText("No pending promises. Make one from a client's page.");
        assertThat(page.locator("#closed-title ~ .promises")).containsText("send the revised valuation");
        assertThat(promises.list(user.user(), ada.id(), List.of()))
                .extracting(Promise::status).containsExactly(PromiseStatus.KEPT);
    }

    @Test
    void pendingPromisesAreListedSoonestFirstAndCanBeRenegotiatedOrBroken() {
        var user = newTeam(Role.MEMBER);
        Client ada = client(user.user(), "Ada Lovelace", "A", 3);
        Client bob = client(user.user(), "Bob Babbage", "B", 3);
        Promise later = promises.make(user.user(), ada.id(), "introduce the mortgage adviser", TODAY.plusDays(5), null);
        Promise sooner = promises.make(user.user(), bob.id(), "share three comparable sales", TODAY.plusDays(1), null);
        signIn(user.email());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Promises").setExact(true)).click();

        assertThat(page.locator(".promise .promise-text")).hasText(new String[] {"share three comparable sales",
                "introduce the mortgage adviser"});
        assertThat(page.locator("#promise-" + sooner.id())).containsText("Bob Babbage · Due 24 Nov 2026 · due tomorrow");
        assertThat(page.locator("#kept-rate dd").first()).hasText("—");

        Locator item = page.locator("#promise-" + later.id());
        item.getByText("Renegotiate", new Locator.GetByTextOptions().setExact(true)).click();
        item.getByLabel("New date").fill("2026-11-26");
        item.getByLabel("Reason (optional)").fill("the adviser is away");
        button(item, "Save new date").click();
        assertThat(item.locator("#due-" + later.id() + "-error"))
                .hasText("must be after the current due date 2026-11-28 and not before today (2026-11-23)");
        assertThat(item.getByLabel("New date")).hasValue("2026-11-26");
        screenshots("promises-renegotiate");

        item.getByLabel("New date").fill("2026-12-02");
        button(item, "Save new date").click();
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .hasText("Renegotiated: “introduce the mortgage adviser” is now due 2 Dec 2026.");
        assertThat(item).containsText("Renegotiated");
        assertThat(item).containsText("first promised for 28 Nov 2026");
        assertThat(item).containsText("the adviser is away");

        Locator soon = page.locator("#promise-" + sooner.id());
        soon.getByText("Break", new Locator.GetByTextOptions().setExact(true)).click();
        soon.getByLabel("What happened (optional)").fill("the data was not ready");
        button(soon, "Mark broken").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Marked as broken");
        assertThat(page.locator("#pending-title ~ .promises .promise")).hasCount(1);
        assertThat(page.locator("#closed-title ~ .promises")).containsText("Broken");
        assertThat(promises.get(user.user(), sooner.id()).status()).isEqualTo(PromiseStatus.BROKEN);
    }
}
