package dev.rapport.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.clients.ClientService;
import dev.rapport.clients.TouchesRecorded;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.Problems;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.TeamMembership;
import dev.rapport.teams.TimeZoneChanged;
import dev.rapport.teams.TeamCreated;

/** The time journal: entries, timers, the daily rollup that reports read, and challenges. */
@Service
public class JournalService {
    static final int MAX_FUTURE_DAYS = 31;
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final JournalRepository repo;
    private final ClientService clients;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final AccountService accounts;

    JournalService(JournalRepository repo, ClientService clients,
                   org.springframework.context.ApplicationEventPublisher events, Clock clock, AccountService accounts) {
        this.accounts = accounts;
        this.repo = repo;
        this.clients = clients;
        this.events = events;
        this.clock = clock;
    }

    public List<Category> categories(TeamId team) {
        return repo.categories(team);
    }

    @Transactional
    public Category addCategory(CurrentUser user, String code, String label, String categoryClass) {
        user.requireManager();
        CategoryClass cls = categoryClass == null ? CategoryClass.INTERNAL : CategoryClass.fromCode(categoryClass)
                .orElse(null);
        new Problems()
                .check(code != null && code.matches("[a-z][a-z0-9_]{1,39}"), "code",
                        "must be 2-40 lowercase letters, digits or _, starting with a letter")
                .check(label == null || label.length() <= 100, "label", "must be at most 100 characters")
                .check(cls != null, "categoryClass", "must be external_connection, firefighting or internal")
                .throwIfAny();
        if (repo.categories(user.teamId()).stream().anyMatch(c -> c.code().equals(code))) {
            throw new ConflictException("category " + code + " already exists");
        }
        Category category = new Category(code, label == null || label.isBlank() ? code : label.strip(), cls, null,
                false);
        repo.addCategory(user.teamId(), category);
        return category;
    }

    @EventListener
    void seedDefaults(TeamCreated event) {
        Category.defaults().forEach(c -> repo.addCategory(event.teamId(), c));
    }

    // ---- entries -------------------------------------------------------------------------------

    public JournalEntry get(CurrentUser user, long id) {
        return repo.find(user.teamId(), id).filter(e -> e.userId().equals(user.userId()))
                .orElseThrow(() -> new NotFoundException("journal entry", id));
    }

    /** Entries overlapping the local days from..to, in time order. */
    public List<JournalEntry> entries(CurrentUser user, LocalDate from, LocalDate to) {
        checkRange(from, to, 366);
        TimeSpan window = new TimeSpan(DayTally.window(from, user.zone()).start(),
                DayTally.window(to, user.zone()).end());
        return repo.entries(user.teamId(), user.userId(), window, from, to);
    }

    @Transactional
    public JournalEntry create(CurrentUser user, EntryDraft draft, boolean split) {
        user.requireWriter();
        List<Category> categories = repo.categories(user.teamId());
        Problems problems = new Problems();
        JournalEntry entry = resolve(user, draft, categories, problems, "");
        problems.throwIfAny();
        return store(user, entry, split, categories);
    }

    /** A day's entries in one request: all stored, or none when any is invalid or they overlap. */
    @Transactional
    public List<JournalEntry> createAll(CurrentUser user, List<EntryDraft> drafts) {
        user.requireWriter();
        List<Category> categories = repo.categories(user.teamId());
        Problems problems = new Problems();
        problems.check(drafts != null && !drafts.isEmpty() && drafts.size() <= 500, "entries",
                "must hold 1 to 500 entries");
        problems.throwIfAny();
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            entries.add(resolve(user, drafts.get(i), categories, problems, "entries[" + i + "]."));
        }
        for (int i = 0; i < entries.size(); i++) {
            for (int j = 0; j < i; j++) {
                JournalEntry a = entries.get(i);
                JournalEntry b = entries.get(j);
                if (a != null && b != null && a.timed() && b.timed() && a.span().overlaps(b.span())) {
                    problems.add("entries[" + i + "]", "overlaps entries[" + j + "] of the same request");
                }
            }
        }
        problems.throwIfAny();
        return entries.stream().map(e -> store(user, e, false, categories)).toList();
    }

    @Transactional
    public JournalEntry update(CurrentUser user, long id, EntryDraft draft) {
        user.requireWriter();
        JournalEntry old = get(user, id);
        List<Category> categories = repo.categories(user.teamId());
        Problems problems = new Problems();
        JournalEntry entry = resolve(user, draft, categories, problems, "");
        problems.throwIfAny();
        if (entry.timed()) {
            List<JournalEntry> clashes = repo.overlapping(user.teamId(), user.userId(), entry.span()).stream()
                    .filter(e -> e.id() != id).toList();
            if (!clashes.isEmpty()) {
                throw overlap(clashes.get(0), user.zone());
            }
        }
        repo.update(user.teamId(), id, entry, clock.instant());
        Set<LocalDate> days = days(old, user.zone());
        days.addAll(days(entry, user.zone()));
        recompute(user.teamId(), user.userId(), user.zone(), days, categories);
        return get(user, id);
    }

    @Transactional
    public void delete(CurrentUser user, long id) {
        user.requireWriter();
        JournalEntry old = get(user, id);
        repo.delete(user.teamId(), id);
        recompute(user.teamId(), user.userId(), user.zone(), days(old, user.zone()), repo.categories(user.teamId()));
    }

    /** Parses the quick-entry grammar ("30m email", "09:00-09:45 call @acme") for a local day. */
    @Transactional
    public JournalEntry quick(CurrentUser user, String text, LocalDate date, ClientId clientId, boolean split) {
        QuickEntry q = QuickEntry.parse(text, repo.categories(user.teamId()), clientId != null);
        LocalDate day = date != null ? date : user.today(clock);
        ClientId client = clientId != null ? clientId : q.clientRef() == null ? null : clients.resolve(user,
                q.clientRef(), "text");
        EntryDraft draft = q.timed()
                ? new EntryDraft(day.atTime(q.start()).atZone(user.zone()).toInstant(),
                        day.atTime(q.end()).atZone(user.zone()).toInstant(), null, null, q.category(), client, q.note(),
                        List.of(), null)
                : new EntryDraft(null, null, day, q.minutes(), q.category(), client, q.note(), List.of(), null);
        return create(user, draft, split);
    }

    private JournalEntry store(CurrentUser user, JournalEntry entry, boolean split, List<Category> categories) {
        Set<LocalDate> days = days(entry, user.zone());
        if (entry.timed()) {
            List<JournalEntry> clashes = repo.overlapping(user.teamId(), user.userId(), entry.span());
            if (!clashes.isEmpty() && !split) {
                throw overlap(clashes.get(0), user.zone());
            }
            for (JournalEntry old : clashes) {
                splitAround(user, old, entry.span());
            }
        }
        long id = repo.insert(user.teamId(), entry, clock.instant());
        recompute(user.teamId(), user.userId(), user.zone(), days, categories);
        return repo.find(user.teamId(), id).orElseThrow();
    }

    /** Explicit split: the new entry takes its time; what remains of the old one is kept. */
    private void splitAround(CurrentUser user, JournalEntry old, TimeSpan taken) {
        repo.delete(user.teamId(), old.id());
        for (TimeSpan rest : TimeSpan.minus(old.span(), List.of(taken))) {
            if (rest.seconds() >= 60) {
                repo.insert(user.teamId(), new JournalEntry(0, old.userId(), old.category(), rest,
                        rest.start().atZone(user.zone()).toLocalDate(), (int) (rest.seconds() / 60), old.clientId(),
                        old.note(), old.tags(), old.contributes(), null), clock.instant());
            }
        }
    }

    private ConflictException overlap(JournalEntry other, ZoneId zone) {
        return new ConflictException(String.format(Locale.ROOT,
                "overlaps journal entry #%d (%s %s-%s, %s); change the times, or send split=true to let the new "
                        + "entry take that time", other.id(), other.span().start().atZone(zone).toLocalDate(),
                HHMM.format(other.span().start().atZone(zone)), HHMM.format(other.span().end().atZone(zone)),
                other.category()));
    }

    /** Validates a draft; problems are reported under the given prefix (for bulk requests). */
    private JournalEntry resolve(CurrentUser user, EntryDraft d, List<Category> categories, Problems problems,
                                 String at) {
        if (d == null) {
            problems.add(at.isEmpty() ? "entry" : at.substring(0, at.length() - 1), "must not be null");
            return null;
        }
        Optional<Category> category = categories.stream().filter(c -> c.code().equals(d.category())).findFirst();
        problems.check(category.isPresent(), at + "category", "unknown category '" + d.category() + "'; use one of "
                + String.join(", ", categories.stream().map(Category::code).toList()));
        problems.check(d.note() == null || d.note().length() <= 10_000, at + "note", "must be at most 10000 characters");
        problems.check(d.tags().stream().allMatch(t -> t.length() <= 50), at + "tags", "must be at most 50 characters each");
        if (d.clientId() != null && !clients.exists(user, d.clientId())) {
            problems.add(at + "clientId", "no client " + d.clientId() + " in your team");
        }
        TimeSpan span = null;
        LocalDate day = d.day();
        int minutes = d.minutes() == null ? 0 : d.minutes();
        if (d.start() != null && (d.end() != null || d.minutes() != null)) {
            Instant end = d.end() != null ? d.end() : d.start().plusSeconds(minutes * 60L);
            if (!end.isAfter(d.start())) {
                problems.add(at + "end", "must be after start");
            } else if (Duration.between(d.start(), end).compareTo(Duration.ofHours(24)) > 0) {
                problems.add(at + "end", "an entry lasts at most 24 hours");
            } else {
                span = new TimeSpan(d.start(), end);
                minutes = (int) Math.max(1, Math.round(span.seconds() / 60.0));
                day = d.start().atZone(user.zone()).toLocalDate();
            }
        } else if (d.start() == null && d.end() == null && d.day() != null && d.minutes() != null) {
            problems.check(minutes > 0 && minutes <= QuickEntry.MAX_MINUTES, at + "minutes",
                    "must be more than 0 and at most 1440 (24 hours)");
        } else {
            problems.add(at + "start", "give start and end, start and minutes, or day and minutes");
        }
        LocalDate latest = user.today(clock).plusDays(MAX_FUTURE_DAYS);
        if (day != null && day.isAfter(latest)) {
            problems.add(at + (span != null ? "start" : "day"), "must not be more than " + MAX_FUTURE_DAYS
                    + " days in the future");
        }
        if (day != null && day.isBefore(Problems.EARLIEST)) {
            problems.checkDate(day, at + (span != null ? "start" : "day"));
        }
        if (category.isEmpty() || day == null || minutes <= 0) {
            return null;
        }
        boolean contributes = d.contributes() != null ? d.contributes() : category.get().contributesByDefault();
        return new JournalEntry(0, user.userId(), category.get().code(), span, day, minutes, d.clientId(), d.note(),
                d.tags(), contributes, null);
    }

    // ---- timers --------------------------------------------------------------------------------

    public Optional<Timer> timer(CurrentUser user) {
        return repo.timer(user.teamId(), user.userId());
    }

    @Transactional
    public Timer startTimer(CurrentUser user, String category, ClientId clientId, String note) {
        user.requireWriter();
        List<Category> categories = repo.categories(user.teamId());
        String code = QuickEntry.category(category == null ? "" : category, categories, clientId != null);
        if (clientId != null && !clients.exists(user, clientId)) {
            throw new dev.rapport.shared.InvalidInputException("clientId", "no client " + clientId + " in your team");
        }
        if (repo.timer(user.teamId(), user.userId()).isPresent()) {
            throw new ConflictException("a timer is already running; stop it first");
        }
        Timer timer = new Timer(code, clientId, note, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        repo.startTimer(user.teamId(), user.userId(), timer);
        return timer;
    }

    /** Stops the timer and logs its time as an entry (at least one minute). */
    @Transactional
    public JournalEntry stopTimer(CurrentUser user, boolean split) {
        user.requireWriter();
        Timer timer = repo.timer(user.teamId(), user.userId())
                .orElseThrow(() -> new ConflictException("no timer is running; start one with a category"));
        Instant end = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (end.isBefore(timer.startedAt().plusSeconds(60))) {
            end = timer.startedAt().plusSeconds(60);
        }
        if (Duration.between(timer.startedAt(), end).compareTo(Duration.ofHours(24)) > 0) {
            end = timer.startedAt().plus(Duration.ofHours(24));
        }
        repo.stopTimer(user.teamId(), user.userId());
        return create(user, new EntryDraft(timer.startedAt(), end, null, null, timer.category(), timer.clientId(),
                timer.note(), List.of(), null), split);
    }

    // ---- rollup --------------------------------------------------------------------------------

    @EventListener
    void onTouches(TouchesRecorded event) {
        Set<LocalDate> days = new TreeSet<>();
        event.touches().forEach(t -> days.addAll(days(new TimeSpan(t.at(), t.at().plusSeconds(t.minutes() * 60L)),
                event.zone())));
        // the recording transaction took the member lock first: no second round trip for it
        recomputeLocked(event.teamId(), event.userId(), event.zone(), days, repo.categories(event.teamId()));
    }

    private void recompute(TeamId team, UserId user, ZoneId zone, Set<LocalDate> days, List<Category> categories) {
        if (!days.isEmpty()) {
            // one recomputation per user at a time; the entries are read after the lock, so they
            // include what a transaction that held it before has committed
            repo.lockUser(team, user);
        }
        recomputeLocked(team, user, zone, days, categories);
    }

    /** The user's day totals again; the caller's transaction holds the user's lock. */
    private void recomputeLocked(TeamId team, UserId user, ZoneId zone, Set<LocalDate> days,
                                 List<Category> categories) {
        for (LocalDate day : days) {
            TimeSpan window = DayTally.window(day, zone);
            List<JournalEntry> entries = repo.untaggedEntries(team, user, window, day);
            List<TimeSpan> touches = clients.timedTouches(team, user, window.start(), window.end()).stream()
                    .map(t -> new TimeSpan(t.at(), t.at().plusSeconds(t.minutes() * 60L))).toList();
            DayTally tally = DayTally.of(day, zone, entries, touches);
            repo.replaceDay(team, user, tally, categories);
            long external = tally.seconds().entrySet().stream().filter(e -> categories.stream().anyMatch(c ->
                    c.code().equals(e.getKey()) && c.categoryClass() == CategoryClass.EXTERNAL_CONNECTION))
                    .mapToLong(java.util.Map.Entry::getValue).sum();
            events.publishEvent(new JournalDayTallied(team, user, day, tally.loggedSeconds(), external,
                    tally.contributesSeconds()));
        }
    }

    /**
     * The user's day totals again, in every team, in their new zone: a timed entry's seconds move to
     * the days it falls on there. Zones differ by at most 26 hours, so every day that can change is
     * within two days of one that has a total now.
     */
    @EventListener
    void timeZoneChanged(TimeZoneChanged event) {
        for (TeamMembership m : accounts.teams(event.userId())) {
            CurrentUser user = accounts.member(m.teamId(), event.userId()).orElseThrow();
            Set<LocalDate> days = new TreeSet<>();
            for (LocalDate d : repo.tallyDays(m.teamId(), event.userId())) {
                for (int k = -2; k <= 2; k++) {
                    days.add(d.plusDays(k));
                }
            }
            recompute(m.teamId(), event.userId(), user.zone(), days, repo.categories(m.teamId()));
        }
    }

    static Set<LocalDate> days(JournalEntry e, ZoneId zone) {
        if (!e.timed()) {
            return new TreeSet<>(Set.of(e.day()));
        }
        return days(e.span(), zone);
    }

    static Set<LocalDate> days(TimeSpan span, ZoneId zone) {
        Set<LocalDate> days = new TreeSet<>();
        LocalDate last = span.end().minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate d = span.start().atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    static void checkRange(LocalDate from, LocalDate to, int maxDays) {
        new Problems()
                .check(from != null, "from", "must be a date")
                .check(to != null, "to", "must be a date")
                .check(from == null || to == null || !to.isBefore(from), "to", "must not be before from")
                .check(from == null || to == null || to.toEpochDay() - from.toEpochDay() < maxDays, "to",
                        "the range may span at most " + maxDays + " days")
                .throwIfAny();
    }

    Clock clock() {
        return clock;
    }
}
