package dev.rapport.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.rapport.shared.TeamId;

/**
 * Fills the dashboard's rollups once for teams whose clients predate them (the V9 migration cannot
 * turn instants into local dates portably), that were bulk-loaded without them, or whose rows an
 * earlier version left behind the clients (imports and transfers did not keep them), or that V19
 * marked for their late-rate months (teams from before it; a build clears the mark). Idempotent: a
 * team whose clients all have matching cadence rows and that carries no mark is left alone.
 */
@Component
class RollupBackfill {
    private static final Logger log = LoggerFactory.getLogger(RollupBackfill.class);

    private final DashboardRepository repo;
    private final DashboardRollups rollups;
    private final TransactionTemplate tx;

    RollupBackfill(DashboardRepository repo, DashboardRollups rollups, TransactionTemplate tx) {
        this.repo = repo;
        this.rollups = rollups;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        java.util.Set<TeamId> teams = new java.util.LinkedHashSet<>(repo.teamsNeedingCadences());
        teams.addAll(repo.teamsNeedingMonths());
        for (TeamId team : teams) {
            try {
                tx.executeWithoutResult(s -> rollups.rebuild(team));
                log.info("Dashboard rollups built for team {}", team.value());
            } catch (RuntimeException e) {
                // another instance may be doing the same right now; the next start tries again
                log.warn("Dashboard rollups for team {} not built: {}", team.value(), e.getMessage());
            }
        }
    }
}
