package dev.rapport.attention;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.rapport.clients.KnownTiers;
import dev.rapport.shared.TeamId;

/** Tells the clients feature which tiers exist, without it depending on attention. */
@Component
class TierCatalog implements KnownTiers {
    private final AttentionRepository repository;

    TierCatalog(AttentionRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<String> tiers(TeamId team) {
        return repository.cadences(team).stream().map(TierCadence::tier).toList();
    }
}
