package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import dev.rapport.clients.Client;
import dev.rapport.teams.AccountSecurityService;
import dev.rapport.teams.MembershipService;
import dev.rapport.teams.Role;

/** Members, roles, invitations, removals, the team switcher and the audit log, in the browser. */
class MembersBrowserIntegrationTest extends BrowserTestBase {
    @Autowired
    MembershipService memberships;
    @Autowired
    AccountSecurityService security;

    private static Locator button(Page p, String name) {
        return p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator status(Page p) {
        return p.getByRole(AriaRole.STATUS).first();
    }

    @Test
    void anOwnerInvitesAndTheNewPersonCreatesTheirAccountThroughTheLinkOnce() {
        var owner = newTeam(Role.OWNER);
        String team = accounts.teamName(owner.user().teamId());
        String email = "sam-" + System.nanoTime() + "@example.com";
        signIn(owner.email());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Members").setExact(true)).click();
        assertThat(page.locator("#member-" + owner.userId())).containsText(owner.email());

        page.locator("#invite-email").fill("not an email");
        button(page, "Invite").click();
        assertThat(page.locator("#invite-email-error")).hasText("must be an email address");
        page.locator("#invite-email").fill(email);
        page.locator("#invite-role").selectOption("member");
        button(page, "Invite").click();
        String link = page.getByLabel("Invitation link").inputValue();
        assertThat(link).startsWith(baseUrl() + "/invite/");
        screenshots("team");
        page.reload();
        assertThat(page.getByLabel("Invitation link")).hasCount(0); // shown once
        assertThat(page.content()).doesNotContain(link);
        assertThat(page.locator(".invitations-table tr", new Page.LocatorOptions().setHasText(email)))
                .containsText("Pending until 30 Nov 2026, 10:00");

        BrowserContext other = newContext(new Browser.NewContextOptions());
        try {
            Page sam = other.newPage();
            sam.navigate(link);
            assertThat(sam.locator("h1")).hasText("Join " + team);
            assertThat(sam.locator(".invitation-facts")).containsText(email);
            assertThat(sam.locator(".invitation-facts")).containsText("Member");
            screenshots(sam, "invite");
            sam.getByLabel("Your name").fill("Sam Newcomer");
            sam.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("short");
            sam.getByLabel("Repeat the password").fill("short");
            button(sam, "Create account and join").click();
            assertThat(sam.locator("#password-error")).hasText("must have at least 8 characters");
            assertThat(sam.getByLabel("Your name")).hasValue("Sam Newcomer");
            assertThat(sam.getByLabel("Repeat the password")).hasValue(""); // passwords are never sent back

            sam.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            sam.getByLabel("Repeat the password").fill(PASSWORD + "!");
            button(sam, "Create account and join").click();
            assertThat(sam.locator("#repeatPassword-error")).hasText("does not match the password");

            sam.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            sam.getByLabel("Repeat the password").fill(PASSWORD);
            button(sam, "Create account and join").click();
            assertThat(sam).hasURL(baseUrl() + "/team/members");
            assertThat(status(sam)).hasText("Welcome to " + team + ". Your account is ready and you are signed in.");
            assertThat(sam.locator(".account-name")).hasText("Sam Newcomer");
            assertThat(sam.locator(".members-table")).containsText(owner.user().displayName());
            assertThat(sam.locator(".members-table tr", new Page.LocatorOptions().setHasText("Sam Newcomer")))
                    .containsText("Member");
            assertThat(sam.locator("form[action^='/team/']")).hasCount(0); // members do not manage the team
            sam.navigate("/clients");
            assertThat(sam.locator("main h1")).hasText("Clients");

            // a session begun on the invitation page is indexed like any other: it ends with the others
            security.signOutEverywhere(accounts.authenticate(email, PASSWORD).orElseThrow());
            sam.reload();
            assertThat(sam).hasURL(baseUrl() + "/login");
        } finally {
            other.close();
        }

        // the link worked once: now it says so, with a 410
        BrowserContext later = newContext(new Browser.NewContextOptions());
        try {
            Page again = later.newPage();
            expectConsoleError("status of 410");
            assertThat(again.navigate(link).status()).isEqualTo(410);
            assertThat(again.locator("h1")).hasText("This invitation was already used");
            assertThat(again.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        } finally {
            later.close();
        }
        page.reload();
        assertThat(page.locator(".invitations-table tr", new Page.LocatorOptions().setHasText(email)))
                .containsText("Accepted 23 Nov 2026, 10:00");
        assertThat(page.locator(".members-table")).containsText("Sam Newcomer");
    }

    @Test
    void withdrawnExpiredAndUnknownLinksSayWhatHappenedAndWhatToDo() {
        var owner = newTeam(Role.OWNER);
        String withdrawn = "/invite/" + memberships.invite(owner.user(), "w-" + System.nanoTime() + "@example.com",
                "member").token();
        String expiring = "/invite/" + memberships.invite(owner.user(), "e-" + System.nanoTime() + "@example.com",
                "viewer").token();
        signIn(owner.email());
        page.navigate("/team/members");
        page.locator(".invitations-table tr").filter(new Locator.FilterOptions().setHasText("w-"))
                .getByRole(AriaRole.BUTTON).click();
        assertThat(status(page)).hasText("Invitation withdrawn: the link no longer works.");
        assertThat(page.locator(".invitations-table tr").filter(new Locator.FilterOptions().setHasText("w-")))
                .containsText("Withdrawn");

        expectConsoleError("status of 410");
        expectConsoleError("status of 404");
        assertThat(page.navigate(withdrawn).status()).isEqualTo(410);
        assertThat(page.locator("h1")).hasText("This invitation was withdrawn");
        assertThat(page.locator("main")).containsText("Ask them for a new invitation");

        clock.advance(Duration.ofDays(8));
        assertThat(page.navigate(expiring).status()).isEqualTo(410);
        assertThat(page.locator("h1")).hasText("This invitation has expired");
        assertThat(page.locator("main")).containsText("Ask the team owner for a new one.");

        assertThat(page.navigate("/invite/no-such-link").status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("This invitation link is not valid");
    }

    @Test
    void someoneWithAnAccountSignsInToAcceptAndThenSwitchesBetweenTeams() {
        var inviter = newTeam(Role.OWNER);
        var sam = newTeam(Role.OWNER); // Sam already owns a team of their own
        String samTeam = accounts.teamName(sam.user().teamId());
        String joined = accounts.teamName(inviter.user().teamId());
        String link = "/invite/" + memberships.invite(inviter.user(), sam.email(), "member").token();

        // signed in as someone else: a clear message, nothing accepted
        signIn(inviter.email());
        page.navigate(link);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("This invitation is for " + sam.email()
                + ", but you are signed in as " + inviter.email());
        assertThat(button(page, "Accept and join " + joined)).hasCount(0);

        BrowserContext other = newContext(new Browser.NewContextOptions());
        try {
            Page p = other.newPage();
            p.navigate(link);
            p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in to accept")).click();
            assertThat(p).hasURL(baseUrl() + "/login");
            p.getByLabel("Email").fill(sam.email());
            p.getByLabel("Password").fill(PASSWORD);
            button(p, "Sign in").click();
            assertThat(p).hasURL(baseUrl() + link); // back at the invitation after signing in
            assertThat(p.locator("main")).containsText("You are signed in as " + sam.email());
            button(p, "Accept and join " + joined).click();
            assertThat(p).hasURL(baseUrl() + "/team/members");
            assertThat(status(p)).containsText("You joined " + joined + " as member.");
            assertThat(p.locator(".page-head")).containsText(joined);

            // two teams now: the switcher in the header
            Locator switcher = p.getByLabel("Team", new Page.GetByLabelOptions().setExact(true));
            assertThat(switcher.locator("option:checked")).hasText(joined);
            switcher.selectOption(samTeam);
            button(p, "Switch").click();
            assertThat(p).hasURL(baseUrl() + "/");
            assertThat(status(p)).hasText("You are now working in " + samTeam + " as owner.");
            p.navigate("/team/members");
            assertThat(p.locator(".page-head")).containsText(samTeam);
            assertThat(p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite"))).isVisible();
            screenshots(p, "team-switcher");
        } finally {
            other.close();
        }
        assertThat(memberships.members(inviter.user())).extracting(m -> m.email()).contains(sam.email());
    }

    @Test
    void aRoleChangeReachesTheMembersOpenSessionOnItsNextPageAndTheAuditLogShowsIt() {
        var owner = newTeam(Role.OWNER);
        var member = newMember(owner.user().teamId(), Role.MEMBER);
        Client mine = client(owner.user(), member.userId(), "Mia Mine", "A", 20);
        BrowserContext other = newContext(new Browser.NewContextOptions());
        try {
            Page m = other.newPage();
            signIn(m, member.email());
            m.navigate("/clients/" + mine.id());
            assertThat(m.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit"))).isVisible();
            assertThat(m.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Log a touch"))).isVisible();

            signIn(owner.email());
            page.navigate("/team/members");
            page.locator("#role-" + member.userId()).selectOption("viewer");
            button(page, "Change role of " + member.user().displayName()).click();
            assertThat(status(page)).hasText("Role changed: it applies from their next page or request.");
            assertThat(page.locator("#role-" + member.userId())).hasValue("viewer");

            m.reload(); // same session, no new sign-in: the role is read afresh
            assertThat(m.getByText("Read only", new Page.GetByTextOptions().setExact(true))).isVisible();
            assertThat(m.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit"))).hasCount(0);
            assertThat(m.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Log a touch")))
                    .hasCount(0);

            expectConsoleError("status of 403");
            assertThat(m.navigate("/team/audit").status()).isEqualTo(403);
            assertThat(m.locator("h1")).hasText("Owners only");
        } finally {
            other.close();
        }

        // the last owner stays an owner, said next to the form
        page.locator("#role-" + owner.userId()).selectOption("member");
        button(page, "Change role of " + owner.user().displayName()).click();
        assertThat(page.locator("#member-" + owner.userId() + " [role=alert]"))
                .containsText("The last owner cannot be demoted; make someone else owner first.");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log")).click();
        assertThat(page).hasURL(baseUrl() + "/team/audit");
        Locator rows = page.locator(".audit-table tbody tr");
        assertThat(rows.first()).containsText("Changed a role"); // newest first
        assertThat(rows.first()).containsText(member.email() + ": member -> viewer");
        assertThat(rows.first()).containsText(owner.email());
        assertThat(rows.first()).containsText("23 Nov 2026, 10:00"); // the owner's zone, Amsterdam
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("Signed in"))
                .filter(new Locator.FilterOptions().setHasText(member.email()))).hasCount(1);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("Signed in")).first().locator(".audit-from"))
                .hasText(Pattern.compile("^[0-9a-f.:]+$")); // from where: the browser's address
        screenshots("audit");
    }

    @Test
    void theAuditLogPagesOlderEventsAndEncodesWhatItShows() {
        var owner = newTeam(Role.OWNER);
        for (int i = 0; i < MembersPage.AUDIT_PAGE + 3; i++) {
            accounts.issueToken(owner.user(), "<b>token " + i + "</b>");
        }
        signIn(owner.email());
        page.navigate("/team/audit");
        Locator rows = page.locator(".audit-table tbody tr");
        assertThat(rows).hasCount(MembersPage.AUDIT_PAGE);
        assertThat(rows.first()).containsText("Signed in");
        assertThat(page.locator(".audit-table b")).hasCount(0); // shown as text, not markup
        assertThat(rows.nth(1)).containsText("\"<b>token " + (MembersPage.AUDIT_PAGE + 2) + "</b>\"");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older")).click();
        assertThat(rows.first()).containsText("token 3</b>"); // 50 per page: the sign-in and tokens 52 to 4 came first
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older"))).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Newest")).click();
        assertThat(page).hasURL(baseUrl() + "/team/audit");
    }

    @Test
    void removingAMemberNeedsASuccessorForTheirClientsAndEndsTheirSession() {
        var owner = newTeam(Role.OWNER);
        var leaving = newMember(owner.user().teamId(), Role.MEMBER);
        var staying = newMember(owner.user().teamId(), Role.MEMBER);
        Client ada = client(owner.user(), leaving.userId(), "Ada Leaving", "A", 20);
        Client bob = client(owner.user(), leaving.userId(), "Bob Leaving", "B", 20);
        BrowserContext other = newContext(new Browser.NewContextOptions());
        try {
            Page l = other.newPage();
            signIn(l, leaving.email());

            signIn(owner.email());
            page.navigate("/team/members");
            Locator row = page.locator("#member-" + leaving.userId());
            row.locator("summary").click();
            button(page, "Remove " + leaving.user().displayName()).click();
            row = page.locator("#member-" + leaving.userId());
            assertThat(row.locator("#successor-" + leaving.userId() + "-error")).hasText(
                    "Successor is required: this member owns 2 client(s); name the member who takes them over.");
            assertThat(row.locator("#successor-" + leaving.userId())).isVisible(); // the form stays open
            // viewers own no clients: only the owner and the other member can take them
            assertThat(row.locator("#successor-" + leaving.userId() + " option")).hasCount(3);

            row.locator("#successor-" + leaving.userId()).selectOption(staying.userId().toString());
            button(page, "Remove " + leaving.user().displayName()).click();
            assertThat(status(page)).hasText("Member removed; their clients and open work went to their successor.");
            assertThat(page.locator("#member-" + leaving.userId())).hasCount(0);
            assertThat(clients.get(owner.user(), ada.id()).details().ownerId()).isEqualTo(staying.userId());
            assertThat(clients.get(owner.user(), bob.id()).details().ownerId()).isEqualTo(staying.userId());

            l.navigate("/clients");
            assertThat(l).hasURL(baseUrl() + "/login"); // the removed member's session is over
        } finally {
            other.close();
        }

        // the last owner cannot leave
        Locator me = page.locator("#member-" + owner.userId());
        me.locator("summary").click();
        button(page, "Remove " + owner.user().displayName()).click();
        assertThat(page.locator("#member-" + owner.userId() + " [role=alert]"))
                .containsText("The last owner cannot be removed; make someone else owner first.");
        assertThat(page.locator("#member-" + owner.userId())).isVisible();
    }

    @Test
    void nonOwnersSeeTheMembersReadOnly() {
        var owner = newTeam(Role.OWNER);
        var manager = newMember(owner.user().teamId(), Role.MANAGER);
        signIn(manager.email());
        page.navigate("/team/members");
        assertThat(page.locator(".members-table")).containsText(owner.email());
        assertThat(page.locator(".members-table tr", new Page.LocatorOptions().setHasText(manager.email())))
                .containsText("Manager");
        assertThat(page.locator("form[action^='/team/']")).hasCount(0);
        assertThat(page.locator("#invitations")).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Members").setExact(true)))
                .hasAttribute("aria-current", "page");
        assertThat(page).hasURL(Pattern.compile(".*/team/members$"));
    }

    @Test
    void otherTeamsIdsAreNotFoundAndOnlyOwnersManageTheTeam() {
        var owner = newTeam(Role.OWNER);
        var stranger = newTeam(Role.OWNER);
        var strangers = memberships.invite(stranger.user(), "x-" + System.nanoTime() + "@example.com", "member");
        var member = newMember(owner.user().teamId(), Role.MEMBER);
        var viewer = newMember(owner.user().teamId(), Role.VIEWER);
        Client ada = client(owner.user(), member.userId(), "Ada Lovelace", "A", 3);

        signIn(owner.email());
        assertThat(post("/team/members/" + stranger.userId() + "/role", "role", "viewer").status()).isEqualTo(404);
        assertThat(post("/team/members/" + stranger.userId() + "/remove", "successorId", "").status()).isEqualTo(404);
        assertThat(post("/team/invitations/" + strangers.invitation().id() + "/withdraw", "x", "").status())
                .isEqualTo(404);
        assertThat(post("/team/switch", "teamId", stranger.user().teamId().toString()).status()).isEqualTo(404);
        APIResponse give = post("/clients/" + ada.id() + "/transfer", "ownerId", stranger.userId().toString());
        assertThat(give.text()).contains("must be a member of this team who can own clients (not a viewer)");
        assertThat(clients.get(owner.user(), ada.id()).details().ownerId()).isEqualTo(member.userId());
        assertThat(memberships.members(stranger.user())).singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo(Role.OWNER));
        assertThat(memberships.invitations(stranger.user()).get(0).revokedAt()).isNull();
        page.navigate("/team/members");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        signIn(viewer.email());
        APIResponse demote = post("/team/members/" + member.userId() + "/role", "role", "viewer");
        assertThat(demote.status()).isEqualTo(403);
        assertThat(demote.text()).contains("Read-only access");
        assertThat(post("/team/invitations", "email", "y@example.com").status()).isEqualTo(403);
        assertThat(post("/clients/" + ada.id() + "/transfer", "ownerId", owner.userId().toString()).status())
                .isEqualTo(403);
        page.navigate("/team/members");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        signIn(member.email());
        APIResponse invite = post("/team/invitations", "email", "y@example.com");
        assertThat(invite.status()).isEqualTo(403);
        assertThat(invite.text()).contains("Only a team owner can do this.");
        assertThat(memberships.members(owner.user())).extracting(m -> m.role())
                .containsExactlyInAnyOrder(Role.OWNER, Role.MEMBER, Role.VIEWER);
    }

    /** A form post from the signed-in page, with its CSRF token, not following the redirect. */
    private APIResponse post(String path, String field, String value) {
        if (!page.url().startsWith(baseUrl() + "/team")) {
            page.navigate("/team/members");
        }
        String csrf = page.locator("form[action='/logout'] input[name=_csrf]").getAttribute("value");
        return page.request().post(path, RequestOptions.create().setMaxRedirects(0)
                .setForm(FormData.create().set("_csrf", csrf).set(field, value)));
    }

    private void screenshots(Page p, String name) {
        Page saved = page;
        page = p;
        try {
            screenshots(name);
        } finally {
            page = saved;
        }
    }
}
