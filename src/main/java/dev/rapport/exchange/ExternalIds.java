package dev.rapport.exchange;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;

/** The ids other systems gave a team's clients (vCard UID, a CSV id column); one client per id and team. */
interface ExternalIds {
    Map<String, ClientId> find(TeamId team, Collection<String> externalIds);

    void link(TeamId team, Map<String, ClientId> links, Instant now);

    /** Serialises imports within a team (held until the transaction ends), so two at once cannot duplicate. */
    void lockTeam(TeamId team);

    /** Planner statistics, after an import linked many ids (see {@link dev.rapport.shared.PlannerStatistics}). */
    void refreshStatistics();
}
