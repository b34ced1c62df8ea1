package dev.rapport.web;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.rapport.exchange.CalendarFeed;
import dev.rapport.exchange.CalendarFeedService;
import dev.rapport.exchange.DigestService;
import dev.rapport.exchange.DigestStatus;
import dev.rapport.exchange.CalendarLinks;
import dev.rapport.exchange.IssuedCalendarFeed;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.OwnAccount;
import dev.rapport.teams.CurrentUserResolver;
import dev.rapport.teams.CurrentUser;

/** The calendar feed and email digest sections of Settings: personal, so viewers have them too. */
@Controller
class ExchangeSettings {
    private final CalendarFeedService feeds;
    private final DigestService digests;
    private final CalendarLinks links;

    ExchangeSettings(CalendarFeedService feeds, DigestService digests, CalendarLinks links) {
        this.feeds = feeds;
        this.digests = digests;
        this.links = links;
    }

    /** A feed URL shown once, right after it was made (a flash attribute: sessions are stored, so serializable). */
    record NewFeed(String url, String webcalUrl) implements java.io.Serializable {
    }

    /** The feed as Settings lists it; null fields when there is none (lastFetched: not read yet). */
    record FeedView(boolean active, String created, String lastFetched) {
        static FeedView of(CalendarFeed f, ZoneId zone) {
            return f == null ? new FeedView(false, null, null) : new FeedView(true,
                    Formats.dayTime(f.createdAt(), zone),
                    f.lastFetchedAt() == null ? null : Formats.dayTime(f.lastFetchedAt(), zone));
        }
    }

    record HourOption(int value, String label) {
    }

    static final List<HourOption> HOURS = IntStream.range(0, 24)
            .mapToObj(h -> new HourOption(h, String.format(java.util.Locale.ROOT, "%02d:00", h))).toList();

    @OwnAccount("own calendar feed")
    @PostMapping("/settings/calendar-feed")
    String issue(CurrentUser user, RedirectAttributes redirect) {
        boolean existed = feeds.status(user).isPresent();
        IssuedCalendarFeed issued = feeds.issue(user);
        String url = links.base(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()) + issued.path();
        // a flash attribute lives for exactly one request: the secret URL is shown once, then gone
        redirect.addFlashAttribute("newFeed", new NewFeed(url, url.replaceFirst("^https?://", "webcal://")));
        if (existed) {
            redirect.addFlashAttribute("notice", "New calendar URL made: the old one no longer works.");
        }
        return "redirect:/settings#calendar";
    }

    @OwnAccount("own calendar feed")
    @PostMapping("/settings/calendar-feed/revoke")
    String revoke(CurrentUser user, RedirectAttributes redirect) {
        feeds.revoke(user);
        redirect.addFlashAttribute("notice", "Calendar feed revoked: its URL no longer works.");
        return "redirect:/settings#calendar";
    }

    @OwnAccount("own digest settings")
    @PostMapping("/settings/digest")
    String digest(CurrentUser user, @RequestParam(defaultValue = "false") boolean enabled,
                  @RequestParam(defaultValue = "") String hour, RedirectAttributes redirect) {
        try {
            DigestStatus s = digests.update(user, enabled, hour.isBlank() ? null : parseHour(hour));
            redirect.addFlashAttribute("notice", s.enabled()
                    ? "Daily digest on, from " + HOURS.get(s.hour()).label() + " (" + s.timeZone() + ")."
                    : "Daily digest off.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "The hour must be from 00:00 to 23:00.");
        }
        return "redirect:/settings#digest";
    }

    @OwnAccount("a test digest to oneself")
    @PostMapping("/settings/digest/test")
    String test(CurrentUser user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "Test digest sent to " + digests.sendTest(user) + ".");
        return "redirect:/settings#digest";
    }

    private static int parseHour(String hour) {
        try {
            return Integer.parseInt(hour.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("hour", "must be an hour from 0 to 23");
        }
    }

    /** Adds what the two Settings sections show to every Settings page render. */
    @ControllerAdvice(assignableTypes = {SettingsPage.class, AccountSecurityPage.class, ProfilePage.class})
    static class Model {
        private final CalendarFeedService feeds;
        private final DigestService digests;
        private final CurrentUserResolver users;

        Model(CalendarFeedService feeds, DigestService digests, CurrentUserResolver users) {
            this.feeds = feeds;
            this.digests = digests;
            this.users = users;
        }

        @ModelAttribute("calendarFeed")
        FeedView calendarFeed() {
            CurrentUser user = users.current();
            return FeedView.of(feeds.status(user).orElse(null), user.zone());
        }

        @ModelAttribute("digest")
        DigestStatus digest() {
            return digests.status(users.current());
        }

        @ModelAttribute("digestHours")
        List<HourOption> hours() {
            return HOURS;
        }
    }
}
