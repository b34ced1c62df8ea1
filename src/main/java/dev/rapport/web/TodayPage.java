package dev.rapport.web;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.Snooze;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.NewTouch;
import dev.rapport.journal.JournalReports;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.CurrentUser;

/**
 * The attention queue with one-click actions. Actions answer htmx with the entry's new state (and
 * the counts, out of band); without JavaScript they post, redirect and show the page again.
 */
@Controller
class TodayPage {
    private final AttentionService attention;
    private final ClientService clients;
    private final JournalReports journal;
    private final Clock clock;

    TodayPage(AttentionService attention, ClientService clients, JournalReports journal, Clock clock) {
        this.attention = attention;
        this.clients = clients;
        this.journal = journal;
        this.clock = clock;
    }

    @GetMapping("/")
    String today(CurrentUser user, Model model) {
        model.addAttribute("queue", QueueView.of(attention.queue(user, null)));
        model.addAttribute("reminders", journal.reminders(user));
        model.addAttribute("defaultTouch", TouchForm.blank());
        model.addAttribute("defaultSnooze", SnoozeForm.blank(user.today(clock)));
        model.addAttribute("channels", Choices.CHANNELS);
        model.addAttribute("whoChoices", Choices.WHO);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FieldErrors.NONE);
        }
        return "today";
    }

    @PostMapping("/queue/{id}/touch")
    String touch(CurrentUser user, @PathVariable long id, @ModelAttribute("submitted") TouchForm form,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                 RedirectAttributes redirect) {
        Client client = clients.get(user, new ClientId(id));
        try {
            NewTouch touch = form.toNewTouch();
            clients.recordTouch(user, client.id(), touch);
        } catch (InvalidInputException e) {
            return failed(user, id, "touch", FieldErrors.of(e.problems(), TouchForm::toFormField), htmx, model);
        }
        String done = "Logged a touch with " + client.details().name() + ".";
        return succeeded(user, id, done, htmx, model, redirect);
    }

    @PostMapping("/queue/{id}/snooze")
    String snooze(CurrentUser user, @PathVariable long id, @ModelAttribute("submitted") SnoozeForm form,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes redirect) {
        Client client = clients.get(user, new ClientId(id));
        Snooze snooze;
        try {
            snooze = attention.snooze(user, client.id(), form.untilDate(), form.reason());
        } catch (InvalidInputException e) {
            return failed(user, id, "snooze", FieldErrors.of(e.problems(), SnoozeForm::toFormField), htmx, model);
        }
        String done = "Snoozed " + client.details().name() + " until " + Formats.day(snooze.until()) + ".";
        return succeeded(user, id, done, htmx, model, redirect);
    }

    private String succeeded(CurrentUser user, long id, String done, String htmx, Model model,
                             RedirectAttributes redirect) {
        if (htmx == null) {
            redirect.addFlashAttribute("notice", done);
            return "redirect:/";
        }
        QueueView queue = QueueView.of(attention.queue(user, null));
        Optional<QueueView.Entry> entry = queue.entries().stream().filter(e -> e.id() == id).findFirst();
        model.addAttribute("queue", queue);
        model.addAttribute("entry", entry.orElse(null));
        model.addAttribute("doneId", id);
        model.addAttribute("done", entry.isPresent() ? done + " Still on today's list:" : done);
        addDefaults(user, model);
        model.addAttribute("errors", FieldErrors.NONE);
        return "queue :: update";
    }

    /** Shows the entry again with the submitted values and the messages next to its fields. */
    private String failed(CurrentUser user, long id, String kind, FieldErrors errors, String htmx, Model model) {
        model.addAttribute("errors", errors);
        model.addAttribute("formFor", id);
        model.addAttribute("formKind", kind);
        if (htmx == null) {
            return today(user, model);
        }
        QueueView queue = QueueView.of(attention.queue(user, null));
        model.addAttribute("queue", queue);
        model.addAttribute("entry", queue.entries().stream().filter(e -> e.id() == id).findFirst().orElse(null));
        model.addAttribute("doneId", id);
        addDefaults(user, model);
        return "queue :: update";
    }

    private void addDefaults(CurrentUser user, Model model) {
        model.addAttribute("defaultTouch", TouchForm.blank());
        model.addAttribute("defaultSnooze", SnoozeForm.blank(user.today(clock)));
        model.addAttribute("channels", Choices.CHANNELS);
        model.addAttribute("whoChoices", Choices.WHO);
    }
}
