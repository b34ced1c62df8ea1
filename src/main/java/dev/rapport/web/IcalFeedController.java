package dev.rapport.web;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.rapport.exchange.CalendarFeedService;
import dev.rapport.exchange.CalendarLinks;
import dev.rapport.teams.CurrentUser;

/**
 * The secret calendar feed that calendar apps poll without a session: the token in the path is
 * the only credential. Unknown and revoked tokens are 404, like a page that does not exist.
 */
@RestController
class IcalFeedController {
    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");
    /** Calendar apps poll every few hours at best; a short private cache and an ETag spare the rest. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(15)).cachePrivate()
            .mustRevalidate();

    private final CalendarFeedService feeds;
    private final CalendarLinks links;

    IcalFeedController(CalendarFeedService feeds, CalendarLinks links) {
        this.feeds = feeds;
        this.links = links;
    }

    @GetMapping("/ical/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token, WebRequest request) {
        Optional<CurrentUser> user = feeds.open(token);
        if (user.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("No such calendar feed: it was revoked or replaced. Copy the current URL from Rapport's "
                            + "Settings.\n");
        }
        CalendarFeedService.Ical ical = feeds.render(user.get(),
                links.base(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()));
        if (request.checkNotModified(ical.etag())) {
            return null; // 304: Spring wrote the status and headers
        }
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(CACHE).eTag(ical.etag())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"rapport.ics\"")
                .header("X-Robots-Tag", "noindex, nofollow")
                .body(ical.body());
    }
}
