package dev.rapport.api;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.api.JournalDtos.BulkRequest;
import dev.rapport.api.JournalDtos.CategoryDto;
import dev.rapport.api.JournalDtos.ChallengeDto;
import dev.rapport.api.JournalDtos.ChallengeRequest;
import dev.rapport.api.JournalDtos.DayDto;
import dev.rapport.api.JournalDtos.EntryRequest;
import dev.rapport.api.JournalDtos.EntryResponse;
import dev.rapport.api.JournalDtos.NewCategoryRequest;
import dev.rapport.api.JournalDtos.QuickRequest;
import dev.rapport.api.JournalDtos.TimerDto;
import dev.rapport.api.JournalDtos.TimerRequest;
import dev.rapport.journal.JournalReports;
import dev.rapport.journal.JournalService;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/journal")
@Tag(name = "Time journal", description = "Log time quickly, also after the fact; timers; the 24-hour challenge")
class JournalController {
    private final JournalService journal;
    private final JournalReports reports;
    private final java.time.Clock clock;

    JournalController(JournalService journal, JournalReports reports, java.time.Clock clock) {
        this.journal = journal;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/categories")
    @Operation(summary = "The team's categories, their class and the study's benchmark")
    List<CategoryDto> categories(CurrentUser user) {
        return journal.categories(user.teamId()).stream().map(CategoryDto::of).toList();
    }

    @PostMapping("/categories")
    @Operation(summary = "Add a category", description = "categoryClass: external_connection, firefighting or internal")
    ResponseEntity<CategoryDto> addCategory(CurrentUser user, @RequestBody NewCategoryRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(CategoryDto.of(journal.addCategory(user, request.code(),
                request.label(), request.categoryClass())));
    }

    @GetMapping("/entries")
    @Operation(summary = "Your entries over local days (default: today)")
    List<EntryResponse> entries(CurrentUser user,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate to) {
        LocalDate first = from != null ? from : user.today(clock);
        return journal.entries(user, first, to != null ? to : first).stream().map(EntryResponse::of).toList();
    }

    @PostMapping("/entries")
    @Operation(summary = "Log an entry", description = "Overlapping timed entries are refused (409) unless split=true, "
            + "which lets the new entry take that time from the old ones.")
    ResponseEntity<EntryResponse> create(CurrentUser user, @RequestBody EntryRequest request,
                                         @RequestParam(defaultValue = "false") boolean split) {
        return created(journal.create(user, request.toDraft(), split));
    }

    @PostMapping("/entries/bulk")
    @Operation(summary = "Log several entries at once", description = "All or nothing; errors name entries[i].")
    ResponseEntity<List<EntryResponse>> bulk(CurrentUser user, @RequestBody BulkRequest request) {
        if (request.entries() == null) {
            throw new InvalidInputException("entries", "must be a list of entries");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(journal.createAll(user, request.entries().stream()
                .map(e -> e == null ? null : e.toDraft()).toList()).stream().map(EntryResponse::of).toList());
    }

    @PostMapping("/entries/quick")
    @Operation(summary = "Log with the quick-entry grammar",
            description = "'30m email', '1h30m admin', '09:00-09:45 call ACME review @acme'; date defaults to today.")
    ResponseEntity<EntryResponse> quick(CurrentUser user, @RequestBody QuickRequest request) {
        return created(journal.quick(user, request.text(), request.date(),
                request.clientId() == null ? null : new ClientId(request.clientId()),
                Boolean.TRUE.equals(request.split())));
    }

    @GetMapping("/entries/{id}")
    @Operation(summary = "Read one of your entries")
    EntryResponse get(CurrentUser user, @PathVariable long id) {
        return EntryResponse.of(journal.get(user, id));
    }

    @PutMapping("/entries/{id}")
    @Operation(summary = "Replace one of your entries")
    EntryResponse update(CurrentUser user, @PathVariable long id, @RequestBody EntryRequest request) {
        return EntryResponse.of(journal.update(user, id, request.toDraft()));
    }

    @DeleteMapping("/entries/{id}")
    @Operation(summary = "Delete one of your entries")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable long id) {
        journal.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/day")
    @Operation(summary = "A day: entries, minutes by category (touch time included) and unlogged gaps")
    DayDto day(CurrentUser user,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return DayDto.of(reports.day(user, date), user.zone());
    }

    @GetMapping("/timer")
    @Operation(summary = "The running timer, if any (404 when none)")
    TimerDto timer(CurrentUser user) {
        return journal.timer(user).map(TimerDto::of).orElseThrow(() -> new NotFoundException("timer", "running"));
    }

    @PostMapping("/timer/start")
    @Operation(summary = "Start a timer for a category")
    ResponseEntity<TimerDto> startTimer(CurrentUser user, @RequestBody TimerRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(TimerDto.of(journal.startTimer(user, request.category(),
                request.clientId() == null ? null : new ClientId(request.clientId()), request.note())));
    }

    @PostMapping("/timer/stop")
    @Operation(summary = "Stop the timer and log its time as an entry")
    ResponseEntity<EntryResponse> stopTimer(CurrentUser user, @RequestParam(defaultValue = "false") boolean split) {
        return created(journal.stopTimer(user, split));
    }

    @GetMapping("/challenge")
    @Operation(summary = "Your current (or last week's) challenge: gaps today and the report so far")
    ChallengeDto challenge(CurrentUser user) {
        return reports.challenge(user).map(s -> ChallengeDto.of(s, user.zone()))
                .orElseThrow(() -> new NotFoundException("challenge", "current"));
    }

    @PostMapping("/challenge")
    @Operation(summary = "Start a 24-hour (kind=day) or working-week (kind=week) challenge")
    ResponseEntity<ChallengeDto> startChallenge(CurrentUser user, @RequestBody ChallengeRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ChallengeDto.of(
                reports.startChallenge(user, request.kind(), request.start())));
    }

    private static ResponseEntity<EntryResponse> created(dev.rapport.journal.JournalEntry entry) {
        return ResponseEntity.status(HttpStatus.CREATED).body(EntryResponse.of(entry));
    }
}
