package dev.rapport.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.plans.Plan;
import dev.rapport.plans.PlanService;
import dev.rapport.plans.Sustainability;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Key-account plans", description = "Plans per client, their sustainability and adherence")
class PlanController {
    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    record PlanRequest(String name, List<String> objectives, List<PlanService.ActivityDraft> activities,
                       LocalDate startsOn) {
    }

    record ActivityDto(String name, String frequency, double perMonth, int minutes, String channel,
                       double hoursPerMonth) {
        static ActivityDto of(Plan.Activity a) {
            return new ActivityDto(a.name(), a.frequency().text(), JournalDtos.round(a.frequency().perMonth()),
                    a.minutes(), a.channel() == null ? null : a.channel().code(), JournalDtos.round(a.hoursPerMonth()));
        }
    }

    record PlanDto(long id, long clientId, long userId, String name, boolean active, LocalDate startsOn,
                   List<String> objectives, List<ActivityDto> activities, double hoursPerMonth, Instant createdAt) {
        static PlanDto of(Plan p) {
            return new PlanDto(p.id(), p.clientId().value(), p.userId().value(), p.name(), p.active(), p.startsOn(),
                    p.objectives(),
                    p.activities().stream().map(ActivityDto::of).toList(), JournalDtos.round(p.hoursPerMonth()),
                    p.createdAt());
        }
    }

    record ActiveRequest(Boolean active) {
    }

    record CapacityRequest(Double hoursPerMonth) {
    }

    record LoadDto(long planId, String plan, String client, double hoursPerMonth, double runningTotal,
                   boolean overflows) {
    }

    record SustainabilityDto(double requiredHours, double capacityHours, String capacitySource, Double ratio,
                             boolean sustainable, List<LoadDto> plans, List<String> suggestions) {
        static SustainabilityDto of(Sustainability s) {
            return new SustainabilityDto(JournalDtos.round(s.requiredHours()), JournalDtos.round(s.capacityHours()),
                    s.capacitySource(), s.ratio() == null ? null : Math.round(s.ratio() * 100) / 100.0,
                    s.sustainable(), s.plans().stream().map(l -> new LoadDto(l.plan().id(), l.plan().name(),
                            l.clientName(), JournalDtos.round(l.hours()), JournalDtos.round(l.runningTotal()),
                            l.overflows())).toList(), s.suggestions());
        }
    }

    record AdherenceDto(String activity, String frequency, int periods, int done, Double percent,
                        List<LocalDate> missedPeriodsStarting) {
    }

    @PostMapping("/clients/{clientId}/plans")
    @Operation(summary = "Create a key-account plan", description = "Activities: name, frequency (daily, weekly, "
            + "biweekly, monthly, quarterly, semiannually, yearly, '3 times per week', 'every 2 months'), minutes, "
            + "optional channel (which touches count as doing it).")
    ResponseEntity<PlanDto> create(CurrentUser user, @PathVariable long clientId, @RequestBody PlanRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(PlanDto.of(plans.create(user, new ClientId(clientId),
                request.name(), request.objectives(), request.activities(), request.startsOn())));
    }

    @GetMapping("/plans")
    @Operation(summary = "Your plans", description = "Owners and managers read a member's plans (userId).")
    List<PlanDto> list(CurrentUser user,
                       @Parameter(description = WhoseParams.USER_ID) @RequestParam(required = false) Long userId) {
        return plans.list(user, WhoseParams.of(userId, null)).stream().map(PlanDto::of).toList();
    }

    @GetMapping("/plans/{id}")
    @Operation(summary = "One of your plans (owners and managers: any plan in the team)",
            description = "Only the member who made a plan pauses or resumes it: 403 for an owner or manager.")
    PlanDto get(CurrentUser user, @PathVariable long id) {
        return PlanDto.of(plans.get(user, id));
    }

    @PutMapping("/plans/{id}/active")
    @Operation(summary = "Pause or resume a plan")
    PlanDto setActive(CurrentUser user, @PathVariable long id, @RequestBody ActiveRequest request) {
        if (request.active() == null) {
            throw new InvalidInputException("active", "must be true or false");
        }
        return PlanDto.of(plans.setActive(user, id, request.active()));
    }

    @GetMapping("/plans/{id}/adherence")
    @Operation(summary = "Which planned activities were done on time (matched from touches and journal entries)")
    List<AdherenceDto> adherence(CurrentUser user, @PathVariable long id) {
        return plans.adherence(user, id).stream().map(a -> new AdherenceDto(a.activity().name(),
                a.activity().frequency().text(), a.periods(), a.done(),
                a.percent() == null ? null : JournalDtos.round(a.percent()), a.missed())).toList();
    }

    @PutMapping("/plans/capacity")
    @Operation(summary = "Declare your client-facing capacity (hours a month), used while you have no logged history")
    ResponseEntity<Void> declare(CurrentUser user, @RequestBody CapacityRequest request) {
        plans.declareCapacity(user, request.hoursPerMonth());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/plans/sustainability")
    @Operation(summary = "Hours your plans need vs your client-facing capacity; the plans that overflow and what to "
            + "thin out", description = "Owners and managers read a member's check (userId).")
    SustainabilityDto sustainability(CurrentUser user, @Parameter(description = WhoseParams.USER_ID)
                                     @RequestParam(required = false) Long userId) {
        return SustainabilityDto.of(plans.sustainability(user, WhoseParams.of(userId, null)));
    }
}
