package dev.rapport.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseService;
import dev.rapport.promises.PromiseStatus;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Promises", description = "What you told clients you would do, tracked to kept or broken")
class PromiseController {
    private final PromiseService promises;
    private final Clock clock;

    PromiseController(PromiseService promises, Clock clock) {
        this.promises = promises;
        this.clock = clock;
    }

    record PromiseRequest(String text, LocalDate dueOn, LocalDate madeOn) {
    }

    record BreakRequest(String reason) {
    }

    record RenegotiateRequest(LocalDate dueOn, String reason) {
    }

    record PromiseDto(long id, long clientId, long userId, String text, LocalDate madeOn, LocalDate dueOn,
                      LocalDate originalDueOn, String status, int renegotiations, String reason, Instant closedAt,
                      Instant createdAt) {
        static PromiseDto of(Promise p) {
            return new PromiseDto(p.id(), p.clientId().value(), p.userId().value(), p.text(), p.madeOn(), p.dueOn(),
                    p.originalDueOn(),
                    p.status().code(), p.renegotiations(), p.reason(), p.closedAt(), p.createdAt());
        }
    }

    record KeptRateDto(LocalDate from, LocalDate to, long kept, long broken, Double keptPercent) {
    }

    @PostMapping("/clients/{clientId}/promises")
    @Operation(summary = "Record a promise to a client", description = "madeOn defaults to today.")
    ResponseEntity<PromiseDto> make(CurrentUser user, @PathVariable long clientId,
                                    @RequestBody PromiseRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(PromiseDto.of(promises.make(user,
                new ClientId(clientId), request.text(), request.dueOn(), request.madeOn())));
    }

    @GetMapping("/clients/{clientId}/promises")
    @Operation(summary = "Every promise to a client you can see, whoever in your team made it",
            description = "Due soonest first; userId says who made each. Only its maker keeps, breaks or "
                    + "renegotiates a promise; a pending one reminds the client's owner in their queue.")
    List<PromiseDto> onClient(CurrentUser user, @PathVariable long clientId) {
        return promises.onClient(user, new ClientId(clientId)).stream().map(PromiseDto::of).toList();
    }

    @GetMapping("/promises")
    @Operation(summary = "Your promises, due soonest first",
            description = "status: comma-separated open, renegotiated, kept, broken, or 'pending' (open and "
                    + "renegotiated); default all. Owners and managers read a member's promises (userId). "
                    + "Keyset-paginated via cursor (limit 1 to 200, default 50).")
    PageDto<PromiseDto> list(CurrentUser user, @RequestParam(required = false) String status,
                             @RequestParam(required = false) Long clientId,
                             @Parameter(description = WhoseParams.USER_ID) @RequestParam(required = false)
                             Long userId,
                             @RequestParam(required = false) String cursor,
                             @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(promises.page(user, WhoseParams.of(userId, null), clientId == null ? null
                : new ClientId(clientId), statuses(status), cursor, limit), PromiseDto::of);
    }

    @GetMapping("/promises/{id}")
    @Operation(summary = "Read one of your promises (owners and managers: any promise in the team)",
            description = "Only the member who made a promise keeps, breaks or renegotiates it: 403 for an owner or "
                    + "manager.")
    PromiseDto get(CurrentUser user, @PathVariable long id) {
        return PromiseDto.of(promises.get(user, id));
    }

    @PostMapping("/promises/{id}/keep")
    @Operation(summary = "Mark a promise kept", description = "409 when it is already kept or broken.")
    PromiseDto keep(CurrentUser user, @PathVariable long id) {
        return PromiseDto.of(promises.keep(user, id));
    }

    @PostMapping("/promises/{id}/break")
    @Operation(summary = "Mark a promise broken")
    PromiseDto breakPromise(CurrentUser user, @PathVariable long id,
                            @RequestBody(required = false) BreakRequest request) {
        return PromiseDto.of(promises.breakPromise(user, id, request == null ? null : request.reason()));
    }

    @PostMapping("/promises/{id}/renegotiate")
    @Operation(summary = "Agree a new date with the client", description = "It stays pending under the new date.")
    PromiseDto renegotiate(CurrentUser user, @PathVariable long id, @RequestBody RenegotiateRequest request) {
        return PromiseDto.of(promises.renegotiate(user, id, request.dueOn(), request.reason()));
    }

    @GetMapping("/promises/kept-rate")
    @Operation(summary = "Kept rate: kept / (kept + broken) by (new) due date; default the last 90 days",
            description = "Yours; owners and managers read a member's (userId).")
    KeptRateDto keptRate(CurrentUser user,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @Parameter(description = WhoseParams.USER_ID) @RequestParam(required = false) Long userId) {
        LocalDate end = to != null ? to : user.today(clock);
        var rate = promises.keptRate(user, WhoseParams.of(userId, null), from != null ? from : end.minusDays(89), end);
        return new KeptRateDto(rate.from(), rate.to(), rate.kept(), rate.broken(),
                rate.rate() == null ? null : JournalDtos.round(rate.rate()));
    }

    private static List<PromiseStatus> statuses(String status) {
        List<PromiseStatus> result = new ArrayList<>();
        if (status == null || status.isBlank()) {
            return result;
        }
        for (String code : status.split(",")) {
            String c = code.strip();
            if (c.equals("pending")) {
                result.add(PromiseStatus.OPEN);
                result.add(PromiseStatus.RENEGOTIATED);
            } else {
                result.add(PromiseStatus.fromCode(c).orElseThrow(() -> new InvalidInputException("status",
                        "must be open, renegotiated, kept, broken or pending")));
            }
        }
        return result;
    }
}
