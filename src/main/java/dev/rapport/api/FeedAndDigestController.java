package dev.rapport.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.rapport.teams.OwnAccount;
import dev.rapport.exchange.CalendarFeed;
import dev.rapport.exchange.CalendarFeedService;
import dev.rapport.exchange.DigestService;
import dev.rapport.exchange.DigestStatus;
import dev.rapport.exchange.CalendarLinks;
import dev.rapport.exchange.IssuedCalendarFeed;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Your own calendar feed and email digest: personal settings, so viewers may use them too. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Calendar feed and digest", description = "Your secret ICS feed URL and your daily email digest")
class FeedAndDigestController {
    private final CalendarFeedService feeds;
    private final DigestService digests;
    private final CalendarLinks links;

    FeedAndDigestController(CalendarFeedService feeds, DigestService digests, CalendarLinks links) {
        this.feeds = feeds;
        this.digests = digests;
        this.links = links;
    }

    record CalendarFeedDto(boolean active, Instant createdAt, Instant lastFetchedAt) {
        static CalendarFeedDto of(CalendarFeed f) {
            return f == null ? new CalendarFeedDto(false, null, null)
                    : new CalendarFeedDto(true, f.createdAt(), f.lastFetchedAt());
        }
    }

    /** The secret URL, shown once: https for Google Calendar, webcal for Apple Calendar and Outlook. */
    record IssuedFeedDto(String url, String webcalUrl, Instant createdAt) {
    }

    record DigestDto(boolean enabled, int hour, String timeZone, String email, boolean mailConfigured,
                     LocalDate lastSentOn, LocalDate nextOn) {
        static DigestDto of(DigestStatus s) {
            return new DigestDto(s.enabled(), s.hour(), s.timeZone(), s.email(), s.mailConfigured(), s.lastSentOn(),
                    s.nextOn());
        }
    }

    /** Omitted fields keep their value. */
    record DigestRequest(Boolean enabled, Integer hour) {
    }

    @GetMapping("/calendar-feed")
    @Operation(summary = "Whether you have a calendar feed (never its URL, which is shown once)")
    CalendarFeedDto feed(CurrentUser user) {
        return CalendarFeedDto.of(feeds.status(user).orElse(null));
    }

    @OwnAccount("own calendar feed")
    @PostMapping("/calendar-feed")
    @Operation(summary = "Create your calendar feed, or replace its URL (the old one stops working)",
            description = "The answer holds the secret URL once; only a hash of it is stored. The feed lists "
                    + "follow-ups of the clients you own, your pending promises and colleagues' pending promises to "
                    + "your clients, the milestones of your deals "
                    + "and of colleagues' open or untold deals with your clients, "
                    + "from 7 days ago to 60 days ahead.")
    ResponseEntity<IssuedFeedDto> issue(CurrentUser user) {
        IssuedCalendarFeed issued = feeds.issue(user);
        String url = links.base(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()) + issued.path();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IssuedFeedDto(url, url.replaceFirst("^https?://", "webcal://"), issued.createdAt()));
    }

    @OwnAccount("own calendar feed")
    @DeleteMapping("/calendar-feed")
    @Operation(summary = "Revoke your calendar feed: its URL answers 404 from now on")
    ResponseEntity<Void> revoke(CurrentUser user) {
        feeds.revoke(user);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/digest")
    @Operation(summary = "Your daily email digest: on or off, the hour, the last and next one")
    DigestDto digest(CurrentUser user) {
        return DigestDto.of(digests.status(user));
    }

    @OwnAccount("own digest settings")
    @PutMapping("/digest")
    @Operation(summary = "Turn your digest on or off, or set its hour (0-23, in your time zone)")
    DigestDto updateDigest(CurrentUser user, @RequestBody DigestRequest request) {
        return DigestDto.of(digests.update(user, request.enabled(), request.hour()));
    }

    @OwnAccount("a test digest to oneself")
    @PostMapping("/digest/test")
    @Operation(summary = "Send today's digest to yourself now (409 when the server has no SMTP settings)")
    Map<String, String> sendTest(CurrentUser user) {
        return Map.of("sentTo", digests.sendTest(user));
    }
}
