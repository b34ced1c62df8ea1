package dev.rapport.teams;

import java.util.List;

import dev.rapport.shared.Audited;
import dev.rapport.shared.TeamId;

interface AuditRepository {
    void insert(Audited event, java.time.Instant at);

    /** Newest first, before the given id (keyset), at most limit + 1 rows so callers know there is more. */
    List<AuditEvent> page(TeamId team, Long beforeId, int limit);
}
