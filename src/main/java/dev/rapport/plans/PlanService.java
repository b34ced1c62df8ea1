package dev.rapport.plans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.TierCadence;
import dev.rapport.clients.Channel;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.Touch;
import dev.rapport.journal.JournalReports;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.Problems;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Whose;

/** Key-account plans, their sustainability against real client-facing capacity, and adherence. */
@Service
public class PlanService {
    private final PlanRepository repo;
    private final ClientService clients;
    private final AttentionService attention;
    private final JournalReports journal;
    private final AccountService accounts;
    private final Clock clock;

    PlanService(PlanRepository repo, ClientService clients, AttentionService attention, JournalReports journal,
                AccountService accounts, Clock clock) {
        this.repo = repo;
        this.clients = clients;
        this.attention = attention;
        this.journal = journal;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** An activity as submitted. */
    public record ActivityDraft(String name, String frequency, Integer minutes, String channel) {
    }

    @Transactional
    public Plan create(CurrentUser user, ClientId client, String name, List<String> objectives,
                       List<ActivityDraft> activities, LocalDate startsOn) {
        user.requireWriter();
        clients.require(user, client);
        Problems problems = new Problems()
                .check(name != null && !name.isBlank() && name.length() <= 200, "name", "must be 1 to 200 characters")
                .check(activities != null && !activities.isEmpty() && activities.size() <= 50, "activities",
                        "must list 1 to 50 recurring activities")
                .checkDate(startsOn, "startsOn");
        List<String> goals = objectives == null ? List.of()
                : objectives.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
        for (int i = 0; i < goals.size(); i++) {
            problems.check(goals.get(i).length() <= 1000, "objectives[" + i + "]", "must be at most 1000 characters");
        }
        List<Plan.Activity> parsed = new ArrayList<>();
        for (int i = 0; activities != null && i < activities.size(); i++) {
            parsed.add(activity(activities.get(i), "activities[" + i + "].", problems));
        }
        problems.throwIfAny();
        Plan plan = new Plan(0, client, user.userId(), name.strip(), true,
                startsOn != null ? startsOn : user.today(clock), goals, parsed, clock.instant());
        return get(user, repo.insert(user.teamId(), plan));
    }

    private static Plan.Activity activity(ActivityDraft a, String at, Problems problems) {
        if (a == null) {
            problems.add(at + "name", "must not be null");
            return null;
        }
        problems.check(a.name() != null && !a.name().isBlank() && a.name().length() <= 200, at + "name",
                "must be 1 to 200 characters");
        problems.check(a.minutes() != null && a.minutes() > 0 && a.minutes() <= 24 * 60, at + "minutes",
                "must be 1 to 1440");
        Channel channel = a.channel() == null ? null : Channel.fromCode(a.channel()).orElse(null);
        problems.check(a.channel() == null || channel != null, at + "channel", "must be one of " + Channel.codes());
        Frequency frequency = null;
        try {
            frequency = Frequency.parse(a.frequency(), at + "frequency");
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(p.field(), p.reason()));
        }
        if (frequency == null || a.name() == null || a.name().isBlank() || a.minutes() == null || a.minutes() <= 0
                || a.minutes() > 24 * 60) {
            return null;
        }
        return new Plan.Activity(a.name().strip(), frequency, a.minutes(), channel);
    }

    /** A plan the user made, or any plan of the team for owners and managers (they see members' data). */
    public Plan get(CurrentUser user, long id) {
        return repo.find(user.teamId(), id).filter(p -> p.userId().equals(user.userId()) || user.role().seesTeam())
                .orElseThrow(() -> new NotFoundException("plan", id));
    }

    public List<Plan> list(CurrentUser user) {
        return repo.list(user.teamId(), user.userId());
    }

    /** The user's plans, or (owners and managers) one member's. */
    public List<Plan> list(CurrentUser user, Whose whose) {
        return list(accounts.readingAs(user, whose));
    }

    @Transactional
    public Plan setActive(CurrentUser user, long id, boolean active) {
        user.requireWriter();
        if (!get(user, id).userId().equals(user.userId())) {
            throw new AccessDeniedException("only the member who made a plan pauses or resumes it");
        }
        repo.setActive(user.teamId(), id, active);
        return get(user, id);
    }

    @Transactional
    public void declareCapacity(CurrentUser user, Double hoursPerMonth) {
        user.requireWriter();
        new Problems().check(hoursPerMonth != null && hoursPerMonth >= 0 && hoursPerMonth <= 744, "hoursPerMonth",
                "must be 0 to 744").throwIfAny();
        repo.declareCapacity(user.teamId(), user.userId(), hoursPerMonth);
    }

    /** The sustainability check of the user's plans, or (owners and managers) of one member's. */
    public Sustainability sustainability(CurrentUser user, Whose whose) {
        return sustainability(accounts.readingAs(user, whose));
    }

    /** Required hours of all active plans against measured capacity (or the declared one without history). */
    public Sustainability sustainability(CurrentUser user) {
        OptionalDouble measured = journal.capacityHoursPerMonth(user);
        OptionalDouble declared = repo.declaredCapacity(user.teamId(), user.userId());
        double capacity = measured.isPresent() ? measured.getAsDouble() : declared.orElse(0);
        String source = measured.isPresent() ? "measured" : declared.isPresent() ? "declared" : "none";
        List<TierCadence> tiers = attention.cadences(user.teamId());
        List<Plan> mine = list(user);
        var byId = clients.getAll(user, mine.stream().map(Plan::clientId).toList());
        List<Sustainability.Input> inputs = mine.stream().filter(p -> byId.containsKey(p.clientId())).map(p -> {
            Client c = byId.get(p.clientId());
            int rank = tiers.stream().filter(t -> t.tier().equals(c.details().tier())).mapToInt(TierCadence::rank)
                    .findFirst().orElse(0);
            return new Sustainability.Input(p, c.details().name(), rank);
        }).toList();
        return Sustainability.of(inputs, capacity, source);
    }

    /** One member's plan load as the sustainability check computes it, without the plan details. */
    public record Load(double requiredHours, double capacityHours, String capacitySource, Double ratio) {
    }

    /**
     * Every member's load at once (the manager dashboard): the team's active plans and declared
     * capacities in a fixed number of queries, however many members. measured: client-facing hours
     * per month of the members with journal history in the 56 days before today, as
     * JournalReports.capacityHoursPerMonth computes them (the caller reads them from a rollup).
     * Members with neither plans nor capacity are absent.
     */
    public java.util.Map<dev.rapport.shared.UserId, Load> teamLoads(dev.rapport.shared.TeamId team,
                                                                     java.util.Map<dev.rapport.shared.UserId, Double> measured) {
        java.util.Map<dev.rapport.shared.UserId, Double> required = repo.activeHoursPerMonth(team);
        java.util.Map<dev.rapport.shared.UserId, Double> declared = repo.declaredCapacities(team);
        java.util.Set<dev.rapport.shared.UserId> users = new java.util.HashSet<>(required.keySet());
        users.addAll(declared.keySet());
        users.addAll(measured.keySet());
        java.util.Map<dev.rapport.shared.UserId, Load> out = new java.util.HashMap<>();
        for (dev.rapport.shared.UserId u : users) {
            Double m = measured.get(u);
            Double d = declared.get(u);
            double capacity = m != null ? m : d != null ? d : 0;
            String source = m != null ? "measured" : d != null ? "declared" : "none";
            double need = required.getOrDefault(u, 0.0);
            Double ratio = capacity > 0 ? Double.valueOf(need / capacity) : need == 0 ? Double.valueOf(0.0) : null;
            out.put(u, new Load(need, capacity, source, ratio));
        }
        return out;
    }

    /** Per activity: the periods since the plan started, those with a matching touch or entry, the misses. */
    public record ActivityAdherence(Plan.Activity activity, int periods, int done, List<LocalDate> missed) {
        public Double percent() {
            return periods == 0 ? null : 100.0 * done / periods;
        }
    }

    /** Adherence as the plan's maker lives it: their days, their touches and journal entries. */
    public List<ActivityAdherence> adherence(CurrentUser viewer, long id) {
        Plan plan = get(viewer, id);
        CurrentUser user = accounts.readingAs(viewer, Whose.member(plan.userId()));
        LocalDate today = user.today(clock);
        Instant since = plan.startsOn().atStartOfDay(user.zone()).toInstant();
        List<Touch> touches = clients.touchesSince(user, plan.clientId(), since);
        List<Instant> entries = journal.clientEntryStarts(user, plan.clientId(), since);
        return plan.activities().stream().map(a -> adherence(a, plan.startsOn(), today, user, touches, entries))
                .toList();
    }

    private static ActivityAdherence adherence(Plan.Activity a, LocalDate start, LocalDate today, CurrentUser user,
                                               List<Touch> touches, List<Instant> entries) {
        List<LocalDate> matches = new ArrayList<>();
        touches.stream().filter(t -> a.channel() == null || t.channel() == a.channel())
                .forEach(t -> matches.add(t.at().atZone(user.zone()).toLocalDate()));
        if (a.channel() == null) {
            entries.forEach(e -> matches.add(e.atZone(user.zone()).toLocalDate()));
        }
        double period = a.frequency().periodDays();
        int periods = (int) Math.floor((today.toEpochDay() - start.toEpochDay()) / period);
        int done = 0;
        List<LocalDate> missed = new ArrayList<>();
        for (int k = 0; k < periods; k++) {
            LocalDate from = start.plusDays((long) Math.floor(k * period));
            LocalDate to = start.plusDays((long) Math.floor((k + 1) * period));
            boolean hit = matches.stream().anyMatch(d -> !d.isBefore(from) && d.isBefore(to));
            if (hit) {
                done++;
            } else {
                missed.add(from);
            }
        }
        return new ActivityAdherence(a, periods, done, missed.size() > 12 ? missed.subList(missed.size() - 12,
                missed.size()) : missed);
    }
}
