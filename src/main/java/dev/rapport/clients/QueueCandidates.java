package dev.rapport.clients;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.rapport.shared.ClientId;

/**
 * Which of an owner's active clients can be in an attention queue, as conditions on the stored
 * rollups; the attention feature works out the cutoffs for its day and zone, and its engine still
 * decides. A client is a candidate when it was never touched, has its own ideal or rich cadence,
 * has a tier not listed here, asked for an update with no later outbound touch, is in
 * {@code include}, or, for its listed tier, was last touched before {@code touchedBefore} or (when
 * the tier has a rich rule) last touched richly, else created, before {@code richBefore}.
 */
public record QueueCandidates(List<TierCutoff> tiers, Set<ClientId> include) {

    public QueueCandidates {
        tiers = List.copyOf(tiers);
        include = Set.copyOf(include);
    }

    /** richBefore is null when the tier has no rich-contact rule. */
    public record TierCutoff(String tier, Instant touchedBefore, Instant richBefore) {
    }
}
