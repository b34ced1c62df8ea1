package dev.rapport.api;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.api.ClientDtos.ClientResponse;
import dev.rapport.clients.ClientService;
import dev.rapport.relationships.Rating;
import dev.rapport.relationships.TopRelationship;
import dev.rapport.relationships.TopRelationshipService;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Relationships", description = "Depth (1 features & benefits, 2 motives & values, 3 emotional / core) "
        + "and your top relationships")
class RelationshipController {
    private final ClientService clients;
    private final TopRelationshipService top;

    RelationshipController(ClientService clients, TopRelationshipService top) {
        this.clients = clients;
        this.top = top;
    }

    record DepthRequest(Integer current, Integer target, String note) {
    }

    record DepthChangeDto(long userId, Integer current, Integer target, String note, Instant changedAt) {
    }

    record TopRequest(List<Long> clientIds) {
    }

    record RatingRequest(Integer now, Integer target, String note) {
    }

    record RatingDto(int now, int target, int gap, String note, Instant ratedAt) {
        static RatingDto of(Rating r) {
            return r == null ? null : new RatingDto(r.now(), r.target(), r.gap(), r.note(), r.ratedAt());
        }
    }

    record TopDto(long clientId, String name, Integer depthCurrent, Integer depthTarget, RatingDto latest,
                  RatingDto previous, Integer change, Integer gapChange) {
        static TopDto of(TopRelationship t) {
            return new TopDto(t.clientId().value(), t.name(), t.depthCurrent(), t.depthTarget(),
                    RatingDto.of(t.latest()), RatingDto.of(t.previous()), t.change(), t.gapChange());
        }
    }

    @PostMapping("/clients/{id}/depth")
    @Operation(summary = "Set a client's current and target depth (1-3) with a note; kept as history")
    ClientResponse setDepth(CurrentUser user, @PathVariable long id, @RequestBody DepthRequest request) {
        return ClientResponse.of(clients.setDepth(user, new ClientId(id), request.current(), request.target(),
                request.note()));
    }

    @GetMapping("/clients/{id}/depth")
    @Operation(summary = "A client's depth history, oldest first")
    List<DepthChangeDto> depthHistory(CurrentUser user, @PathVariable long id) {
        return clients.depthHistory(user, new ClientId(id)).stream().map(c -> new DepthChangeDto(c.userId().value(),
                c.current(), c.target(), c.note(), c.changedAt())).toList();
    }

    @GetMapping("/top")
    @Operation(summary = "Your top relationships: rating now and target (1-10), the gap, and the change since the "
            + "previous rating")
    List<TopDto> top(CurrentUser user) {
        return top.list(user).stream().map(TopDto::of).toList();
    }

    @PutMapping("/top")
    @Operation(summary = "Choose your top relationships (at most 10, in order)")
    List<TopDto> choose(CurrentUser user, @RequestBody TopRequest request) {
        if (request.clientIds() == null) {
            throw new InvalidInputException("clientIds", "must be a list of client ids");
        }
        return top.choose(user, request.clientIds().stream().map(id -> id == null ? null : new ClientId(id)).toList())
                .stream().map(TopDto::of).toList();
    }

    @PostMapping("/top/{clientId}/rating")
    @Operation(summary = "Rate a top relationship now and as a target (1-10)")
    TopDto rate(CurrentUser user, @PathVariable long clientId, @RequestBody RatingRequest request) {
        return TopDto.of(top.rate(user, new ClientId(clientId), request.now(), request.target(), request.note()));
    }
}
