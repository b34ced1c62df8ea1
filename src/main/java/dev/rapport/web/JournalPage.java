package dev.rapport.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.rapport.clients.ClientService;
import dev.rapport.journal.Category;
import dev.rapport.journal.JournalEntry;
import dev.rapport.journal.JournalReports;
import dev.rapport.journal.JournalService;
import dev.rapport.journal.Timer;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.CurrentUser;

/**
 * The time journal: a day's timeline with quick entry (the CLI's grammar), the timer, minutes by
 * category and unlogged gaps; and the 24-hour challenge report with its chart and challenge mode.
 */
@Controller
class JournalPage {
    private final JournalService journal;
    private final JournalReports reports;
    private final ClientService clients;
    private final Clock clock;

    JournalPage(JournalService journal, JournalReports reports, ClientService clients, Clock clock) {
        this.journal = journal;
        this.reports = reports;
        this.clients = clients;
        this.clock = clock;
    }

    @GetMapping("/journal")
    String day(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
               LocalDate date, Model model) {
        LocalDate today = user.today(clock);
        LocalDate day = date != null ? date : today;
        List<Category> categories = journal.categories(user.teamId());
        model.addAttribute("day", JournalDayView.of(reports.day(user, day), today, user.zone(), categories,
                ClientNames.of(clients, user)));
        model.addAttribute("categories", categories.stream().map(c -> new Choices(c.code(), c.label())).toList());
        model.addAttribute("timer", journal.timer(user).map(t -> timer(user, t, categories)).orElse(null));
        model.addAttribute("challenge", reports.challenge(user).map(s -> ChallengeView.of(s, today, user.zone()))
                .orElse(null));
        model.addAttribute("reportUrl", "/journal/report?period=day&date=" + day);
        if (!model.containsAttribute("quick")) {
            model.addAttribute("quick", QuickEntryForm.blank(day));
            model.addAttribute("quickErrors", FieldErrors.NONE);
        }
        if (!model.containsAttribute("timerForm")) {
            model.addAttribute("timerForm", TimerForm.blank());
            model.addAttribute("timerErrors", FieldErrors.NONE);
        }
        return "journal";
    }

    @PostMapping("/journal/entries")
    String log(CurrentUser user, @ModelAttribute("submitted") QuickEntryForm form, Model model,
               RedirectAttributes redirect) {
        JournalEntry entry;
        try {
            entry = journal.quick(user, form.text(), form.day(), null, form.splitting());
        } catch (InvalidInputException e) {
            return quickAgain(user, form, FieldErrors.of(e.problems(), QuickEntryForm::toFormField), model);
        } catch (ConflictException e) {
            String message = overlap(e.getMessage(), "tick “Split overlapping entries” to let the new entry take "
                    + "that time");
            return quickAgain(user, form, FieldErrors.of(List.of(new FieldProblem("text", message))), model);
        }
        String category = journal.categories(user.teamId()).stream().filter(c -> c.code().equals(entry.category()))
                .map(Category::label).findFirst().orElse(entry.category());
        redirect.addFlashAttribute("notice", "Logged " + Formats.minutes(entry.minutes()) + " of " + category
                + (entry.timed() ? " (" + entry.span().local(user.zone()) + ")" : "") + ".");
        return redirectTo(user, entry.day());
    }

    @PostMapping("/journal/entries/{id}/delete")
    String delete(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        JournalEntry entry = journal.get(user, id);
        journal.delete(user, id);
        redirect.addFlashAttribute("notice", "Entry deleted.");
        return redirectTo(user, entry.day());
    }

    @PostMapping("/journal/timer/start")
    String startTimer(CurrentUser user, @ModelAttribute("submitted") TimerForm form, Model model,
                      RedirectAttributes redirect) {
        try {
            journal.startTimer(user, form.category(), null, Forms.blankToNull(form.note()));
        } catch (InvalidInputException e) {
            return timerAgain(user, form, FieldErrors.of(e.problems(), TimerForm::toFormField), model);
        } catch (ConflictException e) {
            return timerAgain(user, form, FieldErrors.global(sentence(e.getMessage())), model);
        }
        redirect.addFlashAttribute("notice", "Timer started.");
        return "redirect:/journal";
    }

    @PostMapping("/journal/timer/stop")
    String stopTimer(CurrentUser user, @RequestParam(defaultValue = "false") boolean split, Model model,
                     RedirectAttributes redirect) {
        JournalEntry entry;
        try {
            entry = journal.stopTimer(user, split);
        } catch (ConflictException e) {
            model.addAttribute("stopError", overlap(e.getMessage(), "stop and split to let the timer's entry take "
                    + "that time"));
            return day(user, null, model);
        }
        redirect.addFlashAttribute("notice", "Timer stopped: logged " + Formats.minutes(entry.minutes())
                + (entry.timed() ? " (" + entry.span().local(user.zone()) + ")" : "") + ".");
        return redirectTo(user, entry.day());
    }

    @GetMapping("/journal/report")
    String report(CurrentUser user, @RequestParam(required = false) String period,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  Model model) {
        LocalDate today = user.today(clock);
        ReportPeriod p = ReportPeriod.of(period, date != null ? date : today);
        model.addAttribute("period", p);
        model.addAttribute("periods", ReportPeriod.CODES);
        model.addAttribute("report", ReportView.of(reports.report(user, p.from(), p.to())));
        model.addAttribute("challenge", reports.challenge(user).map(s -> ChallengeView.of(s, today, user.zone()))
                .orElse(null));
        model.addAttribute("journalUrl", p.contains(today) ? "/journal" : "/journal?date=" + p.to());
        return "journal-report";
    }

    @PostMapping("/journal/challenge")
    String startChallenge(CurrentUser user, @RequestParam(defaultValue = "") String kind,
                          RedirectAttributes redirect) {
        try {
            var challenge = reports.startChallenge(user, kind, null);
            boolean oneDay = challenge.firstDay().equals(challenge.lastDay());
            redirect.addFlashAttribute("notice", (oneDay ? "24-hour challenge" : "Working-week challenge")
                    + " started for " + Formats.range(challenge.firstDay(), challenge.lastDay())
                    + ". Log everything you do; unlogged gaps show up in Today.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "Choose a 24-hour or a working-week challenge.");
        }
        return "redirect:/journal/report";
    }

    private String quickAgain(CurrentUser user, QuickEntryForm form, FieldErrors errors, Model model) {
        model.addAttribute("quick", form);
        model.addAttribute("quickErrors", errors);
        LocalDate day;
        try {
            day = form.day();
        } catch (InvalidInputException e) {
            day = null;
        }
        return day(user, day, model);
    }

    private String timerAgain(CurrentUser user, TimerForm form, FieldErrors errors, Model model) {
        model.addAttribute("timerForm", form);
        model.addAttribute("timerErrors", errors);
        return day(user, null, model);
    }

    private String redirectTo(CurrentUser user, LocalDate day) {
        return day.equals(user.today(clock)) ? "redirect:/journal" : "redirect:/journal?date=" + day;
    }

    /** The running timer: "Email since 10:05 · 25 min so far". */
    record TimerView(String category, String since, String elapsed, String note) {
    }

    private TimerView timer(CurrentUser user, Timer t, List<Category> categories) {
        String label = categories.stream().filter(c -> c.code().equals(t.category())).map(Category::label)
                .findFirst().orElse(t.category());
        long seconds = Math.max(0, clock.instant().getEpochSecond() - t.startedAt().getEpochSecond());
        return new TimerView(label, Formats.time(t.startedAt(), user.zone()), Formats.minutes(Math.floor(seconds / 60.0)),
                t.note());
    }

    /**
     * The service's overlap message ("overlaps journal entry #12 (2026-11-23 09:00-09:45, email);
     * change the times, or send split=true ...") with the page's way to split.
     */
    static String overlap(String message, String howToSplit) {
        int cut = message.indexOf("; change the times");
        if (cut < 0) {
            return sentence(message);
        }
        return sentence(message.substring(0, cut)) + " Change the times, or " + howToSplit + ".";
    }

    private static String sentence(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
    }
}
