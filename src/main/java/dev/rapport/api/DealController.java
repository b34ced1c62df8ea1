package dev.rapport.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.deals.Deal;
import dev.rapport.deals.DealService;
import dev.rapport.deals.DealStatus;
import dev.rapport.deals.DealTemplate;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Deals", description = "Deals built from milestone templates; each completed milestone asks for a client "
        + "update")
class DealController {
    private final DealService deals;
    private final Clock clock;

    DealController(DealService deals, Clock clock) {
        this.deals = deals;
        this.clock = clock;
    }

    record TemplateRequest(String name, List<String> milestones, Integer listingFrom) {
    }

    record TemplateDto(long id, String name, List<String> milestones, Integer listingFrom, boolean builtin) {
        static TemplateDto of(DealTemplate t) {
            return new TemplateDto(t.id(), t.name(), t.milestones(), t.listingFrom(), t.builtin());
        }
    }

    record DealRequest(String title, Long templateId, BigDecimal amount) {
    }

    record CompleteRequest(String milestone) {
    }

    record MilestoneDto(int position, String name, Instant completedAt) {
    }

    record DealDto(long id, long clientId, long userId, String title, BigDecimal amount, String status, String stage,
                   boolean activeListing, boolean stale, List<MilestoneDto> milestones, Instant lastProgressAt,
                   Instant createdAt, Instant closedAt) {
        static DealDto of(Deal d, Instant now, java.time.ZoneId zone) {
            return new DealDto(d.id(), d.clientId().value(), d.userId().value(), d.title(), d.amount(), d.status().code(),
                    d.stage().map(Deal.Milestone::name).orElse(null), d.activeListing(), d.stale(now, zone),
                    d.milestones().stream().map(m -> new MilestoneDto(m.position(), m.name(), m.completedAt()))
                            .toList(), d.lastProgressAt(), d.createdAt(), d.closedAt());
        }
    }

    @GetMapping("/deal-templates")
    @Operation(summary = "Milestone templates (the built-in 'home sale' and your team's)")
    List<TemplateDto> templates(CurrentUser user) {
        return deals.templates(user.teamId()).stream().map(TemplateDto::of).toList();
    }

    @PostMapping("/deal-templates")
    @Operation(summary = "Define a milestone template", description = "Milestone names must be distinct; listingFrom "
            + "(0-based) marks where an active listing (weekly cadence) starts.")
    ResponseEntity<TemplateDto> addTemplate(CurrentUser user, @RequestBody TemplateRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(TemplateDto.of(deals.addTemplate(user, request.name(),
                request.milestones(), request.listingFrom())));
    }

    @PostMapping("/clients/{clientId}/deals")
    @Operation(summary = "Start a deal for a client", description = "templateId defaults to the home sale.")
    ResponseEntity<DealDto> create(CurrentUser user, @PathVariable long clientId, @RequestBody DealRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(DealDto.of(deals.create(user, new ClientId(clientId),
                request.title(), request.templateId(), request.amount()), clock.instant(), user.zone()));
    }

    @GetMapping("/clients/{clientId}/deals")
    @Operation(summary = "Every deal with a client you can see, whoever in your team made it",
            description = "Oldest first; userId says who made each. Only its maker completes or loses a deal; "
                    + "its milestones ask the client's owner for an update.")
    List<DealDto> onClient(CurrentUser user, @PathVariable long clientId) {
        Instant now = clock.instant();
        return deals.onClient(user, new ClientId(clientId)).stream().map(d -> DealDto.of(d, now, user.zone()))
                .toList();
    }

    @GetMapping("/deals")
    @Operation(summary = "Your deals, oldest first", description = "status: open, won or lost. Owners and managers "
            + "read a member's deals (userId) or the whole team's (team=true). Keyset-paginated via cursor "
            + "(limit 1 to 200, default 50).")
    PageDto<DealDto> list(CurrentUser user, @RequestParam(required = false) String status,
                          @RequestParam(required = false) Long clientId,
                          @Parameter(description = WhoseParams.USER_ID) @RequestParam(required = false) Long userId,
                          @Parameter(description = WhoseParams.TEAM) @RequestParam(required = false) Boolean team,
                          @RequestParam(required = false) String cursor,
                          @RequestParam(defaultValue = "50") int limit) {
        DealStatus st = status == null ? null : DealStatus.fromCode(status)
                .orElseThrow(() -> new InvalidInputException("status", "must be open, won or lost"));
        Instant now = clock.instant();
        return PageDto.of(deals.page(user, WhoseParams.of(userId, team), clientId == null ? null
                : new ClientId(clientId), st, cursor, limit), d -> DealDto.of(d, now, user.zone()));
    }

    @GetMapping("/deals/{id}")
    @Operation(summary = "Read one of your deals (owners and managers: any deal in the team)",
            description = "Only the member who made a deal completes or loses it: 403 for an owner or manager.")
    DealDto get(CurrentUser user, @PathVariable long id) {
        return DealDto.of(deals.get(user, id), clock.instant(), user.zone());
    }

    @PostMapping("/deals/{id}/complete")
    @Operation(summary = "Complete a milestone (by position or name)",
            description = "The client then needs an update: it shows in the queue until an outbound touch follows. "
                    + "409 when it is already completed; the last milestone closes the deal as won.")
    DealDto complete(CurrentUser user, @PathVariable long id, @RequestBody CompleteRequest request) {
        return DealDto.of(deals.complete(user, id, request.milestone()), clock.instant(), user.zone());
    }

    @PostMapping("/deals/{id}/lose")
    @Operation(summary = "Close a deal as lost")
    DealDto lose(CurrentUser user, @PathVariable long id) {
        return DealDto.of(deals.lose(user, id), clock.instant(), user.zone());
    }

    @GetMapping("/deals/pipeline")
    @Operation(summary = "Open deals by stage, with value, age and how many are stale (14+ days without progress)",
            description = "Yours; owners and managers read a member's (userId) or the whole team's (team=true).")
    List<DealService.Stage> pipeline(CurrentUser user,
                                     @Parameter(description = WhoseParams.USER_ID) @RequestParam(required = false)
                                     Long userId,
                                     @Parameter(description = WhoseParams.TEAM) @RequestParam(required = false)
                                     Boolean team) {
        return deals.pipeline(user, WhoseParams.of(userId, team));
    }
}
