package dev.rapport.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientStatus;
import dev.rapport.clients.Competitor;
import dev.rapport.shared.Problems;
import dev.rapport.shared.UserId;

/** JSON shapes of clients at the API edge. */
final class ClientDtos {
    private ClientDtos() {
    }

    record CadenceOverrideDto(Integer idealDays, Integer maxDays, Integer richEveryDays) {
    }

    record CompetitorDto(String name, String notes) {
    }

    /** Gives the client to another member who can own clients; their open work on it moves along. */
    record TransferRequest(Long ownerId) {
    }

    record SharingRequest(Boolean shared) {
    }

    record HoneymoonDropDto(double beforePerMonth, double afterPerMonth) {
    }

    /**
     * Create or replace a client. Omitted: ownerId = you (on replace: the current owner), status =
     * active, kind = external, tier = the team's least demanding tier, shared = false (on replace:
     * unchanged). Shared clients are visible to every member of the team, not only their owner.
     */
    record ClientRequest(String name, String organisation, List<String> emails, List<String> phones,
                         List<String> addresses, List<String> tags, Long ownerId, String tier, String status,
                         String kind, LocalDate signedOn, Integer depthCurrent, Integer depthTarget,
                         CadenceOverrideDto cadence, String notes, List<CompetitorDto> competitors, Boolean shared) {

        ClientDetails toDetails(UserId me, String defaultTier) {
            Problems problems = new Problems();
            ClientStatus st = status == null ? ClientStatus.ACTIVE : ClientStatus.fromCode(status).orElse(null);
            problems.check(st != null, "status", "must be one of prospect, active, past");
            ClientKind kd = kind == null ? ClientKind.EXTERNAL : ClientKind.fromCode(kind).orElse(null);
            problems.check(kd != null, "kind", "must be one of external, internal");
            problems.throwIfAny();
            CadenceOverride override = cadence == null ? CadenceOverride.NONE
                    : new CadenceOverride(cadence.idealDays(), cadence.maxDays(), cadence.richEveryDays());
            List<Competitor> comps = competitors == null ? List.of()
                    : competitors.stream().map(c -> c == null ? null : new Competitor(c.name(), c.notes())).toList();
            return new ClientDetails(name, organisation, emails, phones, addresses, tags,
                    ownerId == null ? me : new UserId(ownerId), tier == null ? defaultTier : tier, st, kd, signedOn,
                    depthCurrent, depthTarget, override, notes, comps);
        }
    }

    record ClientResponse(long id, String name, String organisation, List<String> emails, List<String> phones,
                          List<String> addresses, List<String> tags, long ownerId, String tier, String status,
                          String kind, LocalDate signedOn, Integer depthCurrent, Integer depthTarget,
                          CadenceOverrideDto cadence, String notes, List<CompetitorDto> competitors, boolean archived,
                          Instant createdAt, Instant updatedAt, Instant archivedAt, Instant lastTouchAt,
                          Instant lastRichTouchAt, Instant lastOutboundAt, Instant lastUpdateRequestAt,
                          HoneymoonDropDto honeymoonDrop, boolean shared) {

        static ClientResponse of(Client c) {
            return of(c, null);
        }

        /** honeymoonDrop: the stored flag when attention fell after signing (only on a single client's read). */
        static ClientResponse of(Client c, HoneymoonDropDto drop) {
            ClientDetails d = c.details();
            CadenceOverride o = d.cadence();
            return new ClientResponse(c.id().value(), d.name(), d.organisation(), d.emails(), d.phones(),
                    d.addresses(), d.tags(), d.ownerId().value(), d.tier(), d.status().code(), d.kind().code(),
                    d.signedOn(), d.depthCurrent(), d.depthTarget(),
                    new CadenceOverrideDto(o.idealDays(), o.maxDays(), o.richEveryDays()), d.notes(),
                    d.competitors().stream().map(x -> new CompetitorDto(x.name(), x.notes())).toList(),
                    c.archived(), c.createdAt(), c.updatedAt(), c.archivedAt(), c.lastTouchAt(), c.lastRichAt(),
                    c.lastOutboundAt(), c.lastUpdateRequestAt(), drop, c.shared());
        }
    }
}
