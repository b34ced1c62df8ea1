package dev.rapport.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.Channel;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.ClientStatus;
import dev.rapport.clients.Competitor;
import dev.rapport.clients.Direction;
import dev.rapport.clients.NewTouch;
import dev.rapport.attention.HoneymoonJob;
import dev.rapport.deals.DealService;
import dev.rapport.journal.EntryDraft;
import dev.rapport.journal.JournalService;
import dev.rapport.plans.PlanService;
import dev.rapport.relationships.TopRelationshipService;
import dev.rapport.promises.PromiseService;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Role;

/**
 * Seeds the demo team once: a few agents, ~200 clients across tiers A/B/C and months of touches
 * on every channel, with inbound update requests. Deterministic for a given day (fixed seed).
 */
@Component
public class DemoData {
    public static final String TEAM = "Demo Realty";
    public static final String LOGIN = "demo@rapport.local";
    public static final String PASSWORD = "rapport-demo";
    static final String ZONE = "Europe/Amsterdam";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final String[] FIRST = {"Ava", "Ben", "Chloe", "Daniel", "Emma", "Finn", "Grace", "Hugo", "Isla",
        "Jonas", "Keira", "Liam", "Maya", "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Umar",
        "Vera", "Wen", "Xavier", "Yara", "Zoe", "Ingrid", "Mateo", "Aiko", "Dmitri"};
    private static final String[] LAST = {"Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder",
        "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Kok", "Jacobs", "Vermeulen", "Schouten",
        "Willems", "van Dijk", "Hoekstra", "Okafor", "Nakamura", "García", "Müller", "Rossi"};
    private static final String[] ORGS = {"Harbour Logistics", "Tulip Dental", "Noord Architects", "Canal Bakery",
        "Bright Solar", "Polder Farms", "Delta Legal", "Amstel Pharma", null, null, null};
    private static final String[] TAGS = {"seller", "buyer", "landlord", "investor", "referral", "first-time",
        "relocation", "downsizing"};
    private static final String[] NOTES = {"Discussed the market update", "Sent comparables", "Viewing feedback",
        "Talked about school catchment", "Checked in after the move", "Birthday wishes", "Mortgage pre-approval",
        "Asked about renovation costs", "Shared a neighbourhood report", "Coffee at the office"};

    /** A working day as the study found it: mostly errands, email and phone; little client time. */
    private static final String[] DAY_PLAN = {"email", "errands", "phone", "client_interaction", "web", "email",
        "internal_admin", "errands", "misc", "firefighting", "email", "phone"};

    private final AccountService accounts;
    private final ClientService clients;
    private final JournalService journal;
    private final PromiseService promises;
    private final DealService deals;
    private final HoneymoonJob honeymoon;
    private final PlanService plans;
    private final TopRelationshipService top;
    private final Clock clock;

    DemoData(AccountService accounts, ClientService clients, JournalService journal, PromiseService promises,
             DealService deals, HoneymoonJob honeymoon, PlanService plans, TopRelationshipService top, Clock clock) {
        this.accounts = accounts;
        this.clients = clients;
        this.journal = journal;
        this.promises = promises;
        this.deals = deals;
        this.honeymoon = honeymoon;
        this.plans = plans;
        this.top = top;
        this.clock = clock;
    }

    /** Seeds the demo team unless it exists; returns true when it seeded. */
    @Transactional
    public boolean seedIfMissing() {
        if (accounts.findTeamByName(TEAM).isPresent()) {
            return false;
        }
        TeamId team = accounts.createTeam(TEAM, ZONE);
        List<CurrentUser> agents = new ArrayList<>();
        agents.add(agent(team, LOGIN, "Dana Demo", Role.OWNER));
        agents.add(agent(team, "alex@rapport.local", "Alex Agent", Role.MEMBER));
        agents.add(agent(team, "sam@rapport.local", "Sam Seller", Role.MEMBER));
        agents.add(agent(team, "morgan@rapport.local", "Morgan Manager", Role.MANAGER));
        Random random = new Random(20261123L);
        Instant now = clock.instant();
        int touches = 0;
        for (int i = 0; i < 200; i++) {
            CurrentUser owner = agents.get(i < 90 ? 0 : 1 + (i % 3));
            touches += seedClient(owner, i, random, now);
        }
        int entries = seedJournal(agents.get(0), random);
        seedPromisesAndDeals(agents.get(0));
        seedPlansAndTop(agents.get(0));
        honeymoon.run();
        log.info("Demo data: team '{}' with {} agents, 200 clients, {} touches and {} journal entries", TEAM,
                agents.size(), touches, entries);
        return true;
    }

    /** A few promises coming due and two home sales under way, so every queue reason shows up. */
    private void seedPromisesAndDeals(CurrentUser dana) {
        LocalDate today = dana.today(clock);
        List<Client> mine = clients.search(dana, new dev.rapport.clients.ClientQuery(null, null, "A", null, null,
                dana.userId(), false, null, 20)).items();
        String[] promised = {"send the revised valuation", "introduce the mortgage adviser", "share three comparable "
                + "sales", "call back about the survey"};
        for (int i = 0; i < promised.length && i < mine.size(); i++) {
            promises.make(dana, mine.get(i).id(), promised[i], today.plusDays(i), today.minusDays(3));
        }
        if (mine.size() > 6) {
            var listed = deals.create(dana, mine.get(5).id(), "Sale of Prinsengracht 263", null,
                    new java.math.BigDecimal("685000"));
            for (String milestone : List.of("listing agreement", "photos", "listed")) {
                deals.complete(dana, listed.id(), milestone);
            }
            var early = deals.create(dana, mine.get(6).id(), "Sale of Keizersgracht 12", null,
                    new java.math.BigDecimal("540000"));
            deals.complete(dana, early.id(), "listing agreement");
        }
    }

    /** Two key-account plans and five top relationships, rated twice a month apart. */
    private void seedPlansAndTop(CurrentUser dana) {
        List<Client> mine = clients.search(dana, new dev.rapport.clients.ClientQuery(null, null, "A", null, null,
                dana.userId(), false, null, 20)).items();
        if (mine.size() < 5) {
            return;
        }
        plans.create(dana, mine.get(0).id(), "Grow the relationship in 2027", List.of("Renew the management contract",
                "Meet the new CFO"), List.of(
                new PlanService.ActivityDraft("quarterly review", "quarterly", 120, "face_to_face"),
                new PlanService.ActivityDraft("check-in call", "monthly", 30, "phone"),
                new PlanService.ActivityDraft("market update", "weekly", 10, "email")),
                dana.today(clock).minusDays(60));
        plans.create(dana, mine.get(1).id(), "Portfolio care", List.of("Two more properties to manage"), List.of(
                new PlanService.ActivityDraft("site visit", "every 2 weeks", 90, "face_to_face"),
                new PlanService.ActivityDraft("status email", "weekly", 15, "email")),
                dana.today(clock).minusDays(30));
        top.choose(dana, mine.subList(0, 5).stream().map(Client::id).toList());
        int[][] ratings = {{5, 9}, {7, 9}, {4, 8}, {6, 7}, {3, 8}};
        for (int i = 0; i < 5; i++) {
            top.rate(dana, mine.get(i).id(), ratings[i][0], ratings[i][1], null);
            top.rate(dana, mine.get(i).id(), Math.min(10, ratings[i][0] + (i % 3) - 1), ratings[i][1], null);
        }
    }

    /** Four weeks of working days in Dana's journal, so the 24-hour challenge report has a story. */
    private int seedJournal(CurrentUser dana, Random r) {
        ZoneId zone = ZoneId.of(ZONE);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        int count = 0;
        for (LocalDate day = today.minusDays(28); day.isBefore(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() >= 6) {
                continue;
            }
            List<EntryDraft> drafts = new ArrayList<>();
            java.time.LocalDateTime t = day.atTime(8, 30 + r.nextInt(4) * 5);
            for (String category : DAY_PLAN) {
                int minutes = category.equals("client_interaction") ? 15 + r.nextInt(3) * 10 : 25 + r.nextInt(50);
                if (r.nextInt(8) == 0) {
                    t = t.plusMinutes(15 + r.nextInt(30));
                }
                java.time.LocalDateTime end = t.plusMinutes(minutes);
                drafts.add(new EntryDraft(t.atZone(zone).toInstant(), end.atZone(zone).toInstant(), null, null,
                        category, null, null, List.of(), category.equals("phone") ? r.nextBoolean() : null));
                t = end;
            }
            count += journal.createAll(dana, drafts).size();
        }
        return count;
    }

    private CurrentUser agent(TeamId team, String email, String name, Role role) {
        UserId id = accounts.createUser(team, email, name, PASSWORD, role);
        return new CurrentUser(id, team, role, ZoneId.of(ZONE), email, name);
    }

    private int seedClient(CurrentUser owner, int i, Random r, Instant now) {
        String tier = i % 10 < 2 ? "A" : i % 10 < 5 ? "B" : "C";
        boolean internal = i % 17 == 0;
        ClientStatus status = i % 9 == 0 ? ClientStatus.PROSPECT : i % 13 == 0 ? ClientStatus.PAST
                : ClientStatus.ACTIVE;
        String first = FIRST[i % FIRST.length];
        String last = LAST[(i * 7 + i / FIRST.length) % LAST.length];
        String name = internal ? "Team " + LAST[i % LAST.length] + " (back office)" : first + " " + last;
        String org = internal ? "Demo Realty" : ORGS[r.nextInt(ORGS.length)];
        String email = (first + "." + last).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "") + i
                + "@example.com";
        int ageDays = 120 + r.nextInt(300);
        Instant created = now.minus(Duration.ofDays(ageDays));
        LocalDate signedOn = status == ClientStatus.ACTIVE
                ? LocalDate.ofInstant(now, ZoneId.of(ZONE)).minusDays(30 + r.nextInt(Math.max(1, ageDays - 30)))
                : null;
        Integer depth = tier.equals("A") ? 1 + r.nextInt(3) : null;
        var details = new ClientDetails(name, org, List.of(email), List.of("+31 6 " + (10000000 + r.nextInt(89999999))),
                List.of(), List.of(TAGS[r.nextInt(TAGS.length)]), owner.userId(), tier, status,
                internal ? ClientKind.INTERNAL : ClientKind.EXTERNAL, signedOn, depth, depth == null ? null : 3,
                CadenceOverride.NONE, i % 11 == 0 ? "Prefers calls after 18:00" : null,
                i % 23 == 0 ? List.of(new Competitor("Quick Sale Realty", "Offered a lower commission")) : List.of());
        Client client = clients.create(owner, details, created);
        List<NewTouch> touches = touches(tier, ageDays, i, r, now);
        if (!touches.isEmpty()) {
            clients.recordTouches(owner, client.id(), touches);
        }
        return touches.size();
    }

    /** A touch history whose rhythm fits the tier, with some clients drifting overdue. */
    private static List<NewTouch> touches(String tier, int ageDays, int i, Random r, Instant now) {
        int gap = switch (tier) {
            case "A" -> 6;
            case "B" -> 14;
            default -> 30;
        };
        boolean drifting = i % 4 == 0;
        List<NewTouch> result = new ArrayList<>();
        int day = ageDays - r.nextInt(10);
        int stopAt = drifting ? gap + r.nextInt(gap * 2 + 10) : r.nextInt(Math.max(2, gap));
        while (day > stopAt) {
            Channel channel = Channel.values()[r.nextInt(Channel.values().length)];
            boolean inbound = r.nextInt(10) < 3;
            boolean update = inbound && r.nextInt(6) == 0;
            Integer minutes = channel.defaultWeight() >= 3 ? 5 + r.nextInt(55) : null;
            Instant at = now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(r.nextInt(600)));
            result.add(new NewTouch(at, channel, inbound ? Direction.INBOUND : Direction.OUTBOUND, minutes,
                    update ? "Any update on the sale?" : NOTES[r.nextInt(NOTES.length)],
                    r.nextInt(3) == 0 ? 1 + r.nextInt(5) : null, update, false));
            day -= Math.max(1, gap / 2 + r.nextInt(gap + 1));
        }
        if (i % 15 == 0) {
            Instant at = now.minus(Duration.ofDays(1 + r.nextInt(5))).minus(Duration.ofHours(2));
            result.add(new NewTouch(at, Channel.PHONE, Direction.INBOUND, 5, "Called to ask how things are going",
                    null, true, false));
        }
        return result;
    }
}
