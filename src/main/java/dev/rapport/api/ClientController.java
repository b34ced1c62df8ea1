package dev.rapport.api;

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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.rapport.api.ClientDtos.ClientRequest;
import dev.rapport.api.ClientDtos.ClientResponse;
import dev.rapport.api.TouchDtos.TouchRequest;
import dev.rapport.api.TouchDtos.TouchResponse;
import dev.rapport.attention.AttentionService;
import dev.rapport.attention.TierCadence;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientQuery;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.ClientStatus;
import dev.rapport.clients.Touch;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Page;
import dev.rapport.shared.UserId;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/clients")
@Tag(name = "Clients", description = "Clients and their touches")
class ClientController {
    private final ClientService clients;
    private final AttentionService attention;

    ClientController(ClientService clients, AttentionService attention) {
        this.clients = clients;
        this.attention = attention;
    }

    @GetMapping
    @Operation(summary = "List and search clients",
            description = "q matches name, organisation or email; sorted by name; keyset-paginated via cursor.")
    PageDto<ClientResponse> list(CurrentUser user, @RequestParam(required = false) String q,
                                 @RequestParam(required = false) String tag,
                                 @RequestParam(required = false) String tier,
                                 @RequestParam(required = false) String status,
                                 @RequestParam(required = false) String kind,
                                 @RequestParam(required = false) Long ownerId,
                                 @RequestParam(defaultValue = "false") boolean includeArchived,
                                 @RequestParam(required = false) String cursor,
                                 @RequestParam(defaultValue = "50") int limit) {
        ClientStatus st = status == null ? null : ClientStatus.fromCode(status)
                .orElseThrow(() -> new InvalidInputException("status", "must be one of prospect, active, past"));
        ClientKind kd = kind == null ? null : ClientKind.fromCode(kind)
                .orElseThrow(() -> new InvalidInputException("kind", "must be one of external, internal"));
        Page.limit(limit);
        var query = new ClientQuery(q, tag, tier, st, kd, ownerId == null ? null : new UserId(ownerId),
                includeArchived, cursor, limit);
        return PageDto.of(clients.search(user, query), ClientResponse::of);
    }

    @PostMapping
    @Operation(summary = "Create a client")
    ResponseEntity<ClientResponse> create(CurrentUser user, @RequestBody ClientRequest request) {
        Client client = clients.create(user, request.toDetails(user.userId(), defaultTier(user)),
                Boolean.TRUE.equals(request.shared()));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(client.id().value()).toUri();
        return ResponseEntity.created(location).body(ClientResponse.of(client));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a client")
    ClientResponse get(CurrentUser user, @PathVariable long id) {
        Client client = clients.get(user, new ClientId(id));
        return ClientResponse.of(client, attention.honeymoonDrop(user, client.id())
                .map(r -> new ClientDtos.HoneymoonDropDto(JournalDtos.round(r.before()), JournalDtos.round(r.after())))
                .orElse(null));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a client's details", description = "Send the whole client; omitted lists are emptied.")
    ClientResponse update(CurrentUser user, @PathVariable long id, @RequestBody ClientRequest request) {
        ClientId clientId = new ClientId(id);
        UserId owner = clients.get(user, clientId).details().ownerId();
        return ClientResponse.of(clients.update(user, clientId, request.toDetails(owner, defaultTier(user)),
                request.shared()));
    }

    @PutMapping("/{id}/sharing")
    @Operation(summary = "Share a client with the whole team, or make it private to its owner again",
            description = "Members see their own clients and shared ones; owners, managers and viewers see all.")
    ClientResponse share(CurrentUser user, @PathVariable long id, @RequestBody ClientDtos.SharingRequest request) {
        if (request.shared() == null) {
            throw new InvalidInputException("shared", "must be true or false");
        }
        return ClientResponse.of(clients.setShared(user, new ClientId(id), request.shared()));
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Give a client to another member",
            description = "Owners and managers, or the client's owner. Touches stay with the client; the previous "
                    + "owner's open promises, open deals and active plans for it move to the new owner.")
    ClientResponse transfer(CurrentUser user, @PathVariable long id, @RequestBody ClientDtos.TransferRequest request) {
        if (request.ownerId() == null) {
            throw new InvalidInputException("ownerId", "must be set");
        }
        return ClientResponse.of(clients.transfer(user, new ClientId(id), new UserId(request.ownerId())));
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a client", description = "Archived clients leave the queue and default listings.")
    ClientResponse archive(CurrentUser user, @PathVariable long id) {
        return ClientResponse.of(clients.archive(user, new ClientId(id), true));
    }

    @PostMapping("/{id}/unarchive")
    @Operation(summary = "Bring an archived client back")
    ClientResponse unarchive(CurrentUser user, @PathVariable long id) {
        return ClientResponse.of(clients.archive(user, new ClientId(id), false));
    }

    @PostMapping("/{id}/touches")
    @Operation(summary = "Record a touch", description = "An inbound touch with updateRequest=true is a late signal.")
    ResponseEntity<TouchResponse> touch(CurrentUser user, @PathVariable long id, @RequestBody TouchRequest request) {
        Touch touch = clients.recordTouch(user, new ClientId(id), request.toNewTouch());
        return ResponseEntity.status(HttpStatus.CREATED).body(TouchResponse.of(touch));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "A client's touches, newest first", description = "Keyset-paginated via cursor.")
    PageDto<TouchResponse> timeline(CurrentUser user, @PathVariable long id,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(defaultValue = "50") int limit) {
        Page.limit(limit);
        return PageDto.of(clients.timeline(user, new ClientId(id), cursor, limit), TouchResponse::of);
    }

    private String defaultTier(CurrentUser user) {
        List<TierCadence> tiers = attention.cadences(user.teamId());
        return tiers.isEmpty() ? null : tiers.get(tiers.size() - 1).tier();
    }
}
