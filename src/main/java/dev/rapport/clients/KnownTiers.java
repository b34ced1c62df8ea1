package dev.rapport.clients;

import java.util.List;

import dev.rapport.shared.TeamId;

/** The tiers a team has configured; implemented by the attention feature that owns cadences. */
public interface KnownTiers {
    List<String> tiers(TeamId team);
}
