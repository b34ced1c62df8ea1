package dev.rapport.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.ClientKind;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.Page;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/** The dashboard's rollups (touch_day, client_cadence) and the grouped reads over them; scoped by team. */
interface DashboardRepository {

    /** What a client's cadence dates derive from, as stored on the client. */
    record CadenceInput(ClientId id, UserId owner, ClientKind kind, boolean archived, String tier,
                        CadenceOverride override, Instant createdAt, Instant lastTouchAt) {
    }

    /** A client's stored cadence dates with the mirrored owner, kind and archive state. */
    record CadenceRow(ClientId id, UserId owner, ClientKind kind, boolean archived, LocalDate dueOn,
                      LocalDate overdueAfter) {
    }

    /** A real (not automated) touch as the touch rollup counts it. */
    record RealTouch(UserId user, Instant at, boolean lateSignal, ClientKind kind) {
    }

    record TouchDayKey(UserId user, LocalDate day, ClientKind kind) {
    }

    /** Grouped rollup sums: per user (day null) or per day (user null), per client kind. */
    record TouchCount(UserId user, LocalDate day, ClientKind kind, int touches, int lateSignals) {
    }

    record CadenceCount(UserId owner, ClientKind kind, int overdue, int dueOrOverdue) {
    }

    record KindCount(UserId owner, ClientKind kind, int count) {
    }

    ZoneId teamZone(TeamId team);

    /** Reads the client's cadence inputs and locks its row until the transaction ends. */
    Optional<CadenceInput> lockCadenceInput(TeamId team, ClientId client);

    void forEachCadenceInput(TeamId team, Consumer<CadenceInput> sink);

    Optional<CadenceRow> cadence(TeamId team, ClientId client);

    List<CadenceRow> cadences(TeamId team);

    void saveCadence(TeamId team, CadenceRow row);

    void replaceCadences(TeamId team, List<CadenceRow> rows);

    /** Adds (or with negative numbers, takes away) touches and late signals per user, day and kind. */
    void addTouchDays(TeamId team, Map<TouchDayKey, int[]> deltas);

    void deleteEmptyTouchDays(TeamId team);

    /** Every touch_day row of the team: key -> {touches, late signals}. */
    Map<TouchDayKey, int[]> touchDays(TeamId team);

    void replaceTouchDays(TeamId team, Map<TouchDayKey, int[]> counts);

    List<RealTouch> realTouches(TeamId team, ClientId client);

    /** Streams every real touch of the team with its client's kind (the raw side of the rollup). */
    void forEachRealTouch(TeamId team, Consumer<RealTouch> sink);

    /** Teams with a client that has no cadence row (created before the dashboard, or bulk-loaded). */
    List<TeamId> teamsMissingCadences();

    // ---- reads ------------------------------------------------------------------------------------

    List<CadenceCount> cadenceCounts(TeamId team, UserId only, LocalDate today);

    List<TouchCount> touchCounts(TeamId team, UserId only, LocalDate from, LocalDate to, boolean byDay);

    List<KindCount> honeymoonFlags(TeamId team, UserId only);

    /** The owner's overdue clients, most overdue first (overdue_after, then id). */
    Page<CadenceRow> overdue(TeamId team, UserId owner, ClientKind kind, LocalDate today, String cursor, int limit);
}
