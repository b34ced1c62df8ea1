package dev.rapport.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.QueueEntry;
import dev.rapport.attention.Snooze;
import dev.rapport.journal.JournalReports;
import dev.rapport.shared.ClientId;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/queue")
@Tag(name = "Attention queue", description = "Who needs contact today, and why")
class QueueController {
    private final AttentionService attention;
    private final JournalReports journal;
    private final JsonMapper json;
    /**
     * The entries as JSON per queue object: a member's queue is served from the attention cache until
     * it changes, and writing its few hundred entries was half the request's CPU. Weak keys: an entry
     * goes when the attention cache lets its queue go.
     */
    private final Cache<AttentionService.Queue, Rendered> rendered = Caffeine.newBuilder().weakKeys()
            .maximumSize(10_000).build();

    /** A queue's entries as JSON and a digest of that JSON (part of every answer's entity tag). */
    private record Rendered(String json, String digest) {
    }

    QueueController(AttentionService attention, JournalReports journal, JsonMapper json) {
        this.attention = attention;
        this.journal = journal;
        this.json = json;
    }

    record ReasonDto(String code, String text) {
    }

    record EntryDto(long clientId, String name, String tier, LocalDate lastTouchOn, Long daysSinceTouch,
                    LocalDate dueOn, int overdueDays, int score, List<ReasonDto> reasons) {
        static EntryDto of(QueueEntry e) {
            return new EntryDto(e.clientId().value(), e.name(), e.tier(), e.lastTouchOn(), e.daysSinceTouch(),
                    e.dueOn(), e.overdueDays(), e.score(),
                    e.reasons().stream().map(r -> new ReasonDto(r.code().code(), r.text())).toList());
        }
    }

    /**
     * reminders: things to do that are not about one client (e.g. unlogged time during a challenge).
     * entries is the JSON array of {@link EntryDto}, rendered once per computed queue.
     */
    record QueueDto(LocalDate date, int count, int snoozed,
                    @JsonRawValue @Schema(implementation = EntryDto[].class) String entries,
                    List<String> reminders) {
    }

    record SnoozeRequest(LocalDate until, String reason) {
    }

    record SnoozeDto(long clientId, LocalDate until, String reason, Instant createdAt) {
        static SnoozeDto of(Snooze s) {
            return new SnoozeDto(s.clientId().value(), s.until(), s.reason(), s.createdAt());
        }
    }

    /**
     * The answer carries an entity tag computed from its content, so a client that polls sends it back
     * in If-None-Match and gets 304 without a body while nothing changed (Spring compares the tags).
     * private, no-cache: a browser may keep the answer for the signed-in user only and must ask again
     * each time; shared caches never keep it.
     */
    @GetMapping
    @Operation(summary = "Today's attention queue for the signed-in user",
            description = "Ranked; each entry says why. 'date' (your local calendar day) defaults to today. "
                    + "The answer has an ETag: send it back in If-None-Match to get 304 Not Modified, without a "
                    + "body, while the queue is unchanged.")
    ResponseEntity<QueueDto> queue(CurrentUser user,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                   LocalDate date) {
        var queue = attention.queue(user, date);
        Rendered entries = rendered.get(queue, q -> render(q.entries()));
        var dto = new QueueDto(queue.date(), queue.entries().size(), queue.snoozed(), entries.json(),
                journal.reminders(user));
        var tagged = new ArrayList<>(List.of(dto.date().toString(), Integer.toString(dto.count()),
                Integer.toString(dto.snoozed()), entries.digest()));
        tagged.addAll(dto.reminders());
        return ResponseEntity.ok().eTag(EntityTags.weak(tagged))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(dto);
    }

    private Rendered render(List<QueueEntry> entries) {
        String text = json.writeValueAsString(entries.stream().map(EntryDto::of).toList());
        return new Rendered(text, EntityTags.digest(text));
    }

    @PostMapping("/{clientId}/snooze")
    @Operation(summary = "Snooze a client's entry until a date",
            description = "Visible again on that date; a new update request from the client ends the snooze.")
    SnoozeDto snooze(CurrentUser user, @PathVariable long clientId, @RequestBody SnoozeRequest request) {
        return SnoozeDto.of(attention.snooze(user, new ClientId(clientId), request.until(), request.reason()));
    }

    @DeleteMapping("/{clientId}/snooze")
    @Operation(summary = "End a snooze now")
    ResponseEntity<Void> unsnooze(CurrentUser user, @PathVariable long clientId) {
        attention.unsnooze(user, new ClientId(clientId));
        return ResponseEntity.noContent().build();
    }
}
