package dev.rapport.exchange;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.QueueEntry;
import dev.rapport.attention.Reason;
import dev.rapport.attention.ReasonCode;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientService;
import dev.rapport.journal.Category;
import dev.rapport.journal.CategoryClass;
import dev.rapport.journal.DayTally;
import dev.rapport.journal.JournalReports;
import dev.rapport.journal.JournalService;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseService;
import dev.rapport.shared.ClientId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;

/**
 * Gathers a digest through the services every screen uses, so it shows exactly what the user may
 * see: their own queue in their team, their promises, their journal. Reads only: a digest never
 * records a touch, so it never moves a cadence.
 */
@Component
class DigestComposer {
    /** The email lists this many queue entries; the rest is a link away. */
    static final int MAX_QUEUE = 25;

    private final AttentionService attention;
    private final PromiseService promises;
    private final ClientService clients;
    private final JournalReports reports;
    private final JournalService journal;
    private final AccountService accounts;

    DigestComposer(AttentionService attention, PromiseService promises, ClientService clients, JournalReports reports,
                   JournalService journal, AccountService accounts) {
        this.attention = attention;
        this.promises = promises;
        this.clients = clients;
        this.reports = reports;
        this.journal = journal;
        this.accounts = accounts;
    }

    Digest compose(CurrentUser user, LocalDate day, String baseUrl, String unsubscribeUrl) {
        AttentionService.Queue queue = attention.queue(user, day);
        List<Digest.QueueLine> lines = queue.entries().stream().limit(MAX_QUEUE).map(e -> line(e, baseUrl)).toList();
        return new Digest(user.displayName(), accounts.teamName(user.teamId()), day, lines,
                queue.entries().size() - lines.size(), queue.snoozed(), promises(user, day, baseUrl),
                journal(user, day.minusDays(1)), baseUrl + "/", baseUrl + "/settings#digest", unsubscribeUrl);
    }

    private static Digest.QueueLine line(QueueEntry e, String baseUrl) {
        return new Digest.QueueLine(e.name(), e.tier(), e.has(ReasonCode.OVERDUE),
                e.reasons().stream().map(Reason::text).toList(), baseUrl + "/clients/" + e.clientId().value());
    }

    private List<Digest.PromiseLine> promises(CurrentUser user, LocalDate day, String baseUrl) {
        List<Promise> due = promises.dueSoon(user.teamId(), user.userId(), day);
        if (due.isEmpty()) {
            return List.of();
        }
        Map<ClientId, Client> byId = clients.getAll(user, due.stream().map(Promise::clientId).distinct().toList());
        return due.stream().sorted(Comparator.comparing(Promise::dueOn).thenComparingLong(Promise::id)).map(p -> {
            Client c = byId.get(p.clientId());
            long in = DAYS.between(day, p.dueOn());
            String when = in < 0 ? "overdue since " + p.dueOn() : in == 0 ? "today" : in == 1 ? "tomorrow"
                    : "in " + in + " days";
            return new Digest.PromiseLine(c != null ? c.details().name() : "client #" + p.clientId().value(),
                    p.text(), p.dueOn(), when, in < 0, baseUrl + "/clients/" + p.clientId().value());
        }).toList();
    }

    private Digest.JournalLine journal(CurrentUser user, LocalDate day) {
        JournalReports.DayView view = reports.day(user, day);
        DayTally tally = view.tally();
        Map<String, Category> categories = journal.categories(user.teamId()).stream()
                .collect(Collectors.toMap(Category::code, Function.identity(), (a, b) -> a));
        long logged = tally.loggedSeconds();
        long clientSeconds = tally.seconds().entrySet().stream()
                .filter(e -> categories.containsKey(e.getKey())
                        && categories.get(e.getKey()).categoryClass() == CategoryClass.EXTERNAL_CONNECTION)
                .mapToLong(Map.Entry::getValue).sum();
        List<Digest.CategoryLine> lines = tally.seconds().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Digest.CategoryLine(categories.containsKey(e.getKey())
                        ? categories.get(e.getKey()).label() : e.getKey(), Digest.duration(e.getValue() / 60),
                        percent(e.getValue(), logged)))
                .toList();
        return new Digest.JournalLine(day, Digest.duration(logged / 60), view.entries().size(),
                Digest.duration(clientSeconds / 60), percent(clientSeconds, logged), lines);
    }

    private static long percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(100.0 * part / whole);
    }
}
