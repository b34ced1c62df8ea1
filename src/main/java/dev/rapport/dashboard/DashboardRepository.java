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

/** The dashboard's rollups (user_day, client_cadence) and the grouped reads over them; scoped by team. */
interface DashboardRepository {

    /** What a client's cadence dates derive from, as stored on the client. */
    record CadenceInput(ClientId id, UserId owner, ClientKind kind, boolean archived, String tier,
                        CadenceOverride override, Instant createdAt, Instant lastTouchAt) {
    }

    /** A client's stored cadence dates with the mirrored owner, kind and archive state. */
    record CadenceRow(ClientId id, UserId owner, ClientKind kind, boolean archived, LocalDate dueOn,
                      LocalDate overdueAfter) {
    }

    /** A real (not automated) touch as the touch rollups count it. */
    record RealTouch(ClientId client, UserId user, Instant at, boolean lateSignal, ClientKind kind) {
    }

    record DayKey(UserId user, LocalDate day) {
        /**
         * The record's own hash (31 * user + date) gives a team's sequential user ids and nearby days
         * a few thousand values for hundreds of thousands of keys: the map's buckets turn into trees.
         */
        @Override
        public int hashCode() {
            return Long.hashCode(user.value() * 0x9E3779B97F4A7C15L + day.toEpochDay());
        }
    }

    /**
     * A user_day row, or sums of them per user (day null) or per day (user null): logged,
     * external-connection and contributing seconds; touches and late signals by client kind.
     */
    record DayTotals(UserId user, LocalDate day, long loggedSeconds, long externalSeconds, long contributesSeconds,
                     int touchesExternal, int touchesInternal, int lateExternal, int lateInternal) {
        static final DayTotals NONE = new DayTotals(null, null, 0, 0, 0, 0, 0, 0, 0);

        DayTotals plus(DayTotals o) {
            return new DayTotals(user, day, loggedSeconds + o.loggedSeconds, externalSeconds + o.externalSeconds,
                    contributesSeconds + o.contributesSeconds, touchesExternal + o.touchesExternal,
                    touchesInternal + o.touchesInternal, lateExternal + o.lateExternal, lateInternal + o.lateInternal);
        }
    }

    /** A user and the first day of a calendar month (the team's). */
    record MonthKey(UserId user, LocalDate month) {
        /** As DayKey's: a team's sequential user ids and nearby months must not share a few hashes. */
        @Override
        public int hashCode() {
            return Long.hashCode(user.value() * 0x9E3779B97F4A7C15L + month.toEpochDay());
        }
    }

    /** A user_month row: clients served (with a real touch by the user) and late signals, by client kind. */
    record MonthTotals(UserId user, LocalDate month, int servedExternal, int servedInternal, int lateExternal,
                       int lateInternal) {
    }

    record CadenceCount(UserId owner, ClientKind kind, int overdue, int dueOrOverdue) {
    }

    record KindCount(UserId owner, ClientKind kind, int count) {
    }

    ZoneId teamZone(TeamId team);

    /** Asks how many real touches the user has with the client in [from, to), counted up to atMost. */
    record TouchProbe(UserId user, Instant from, Instant to, int atMost) {
    }

    /** A client's cadence inputs, read under its row lock, with its team's zone and the probe's count (0 without). */
    record LockedInput(CadenceInput input, ZoneId teamZone, int probed) {
    }

    /**
     * Reads the client's cadence inputs (and the team's zone, and answers the probe when there is one) and
     * locks its row until the transaction ends. The probe reads touches with the statement's snapshot: it
     * sees every touch committed before the caller first locked the client (a writer does, before its insert).
     */
    Optional<LockedInput> lockCadenceInput(TeamId team, ClientId client, TouchProbe probe);

    void forEachCadenceInput(TeamId team, Consumer<CadenceInput> sink);

    /** The cadence rows of these clients (those that have one). */
    List<CadenceRow> cadences(TeamId team, java.util.Collection<ClientId> clients);

    /** The cadence inputs of these clients of the team (without locking them). */
    List<CadenceInput> cadenceInputs(TeamId team, java.util.Collection<ClientId> clients);

    /** {@link #saveCadence} for many rows, batched: the caller holds the clients' row locks. */
    void saveCadences(TeamId team, List<CadenceRow> rows);

    /** Adds rows for clients that have none (new clients). */
    void insertCadences(TeamId team, List<CadenceRow> rows);

    List<CadenceRow> cadences(TeamId team);

    void saveCadence(TeamId team, CadenceRow row);

    void replaceCadences(TeamId team, List<CadenceRow> rows);

    /** Adds (or with negative numbers, takes away) touches and late signals: {touchesExt, touchesInt, lateExt, lateInt}. */
    void addTouches(TeamId team, Map<DayKey, int[]> deltas);

    /** Adds (or takes away) clients served and late signals: {servedExt, servedInt, lateExt, lateInt}. */
    void addMonths(TeamId team, Map<MonthKey, int[]> deltas);

    /** The client's real touches by the user in [from, to), counted up to atMost. */
    int realTouchCount(TeamId team, ClientId client, UserId user, Instant from, Instant to, int atMost);

    /** Every user_month row of the team, by user and month. */
    List<MonthTotals> userMonths(TeamId team);

    /** The user_month rows of the months from..to (first days); one member's when only is not null. */
    List<MonthTotals> userMonths(TeamId team, UserId only, LocalDate fromMonth, LocalDate toMonth);

    void replaceUserMonths(TeamId team, List<MonthTotals> rows);

    /** Teams from before the late rate's rollup (V19) whose months were not built yet. */
    List<TeamId> teamsNeedingMonths();

    /**
     * Locks every member row of the team until the transaction ends: journal writers and timed touches
     * lock their member's row first, so a rebuild holding them all reads and replaces user_day alone.
     */
    void lockMembers(TeamId team);

    /** Sets a day's time totals (as journal_day has them). */
    void setTime(TeamId team, DayKey day, long loggedSeconds, long externalSeconds, long contributesSeconds);

    /** Every user_day row of the team. */
    List<DayTotals> userDays(TeamId team);

    void replaceUserDays(TeamId team, List<DayTotals> rows);

    /** Streams the team's journal_day totals per user and day (the raw side of the time columns). */
    void forEachJournalDay(TeamId team, Consumer<DayTotals> sink);

    List<RealTouch> realTouches(TeamId team, ClientId client);

    /** Streams every real touch of the team with its client's kind (the raw side of the rollup). */
    void forEachRealTouch(TeamId team, Consumer<RealTouch> sink);

    /**
     * Teams with a client that has no cadence row (created before the dashboard, bulk-loaded or
     * imported before imports kept the rollup), or whose row disagrees with the client on owner,
     * kind or archive state (transferred before transfers kept it).
     */
    List<TeamId> teamsNeedingCadences();

    // ---- reads ------------------------------------------------------------------------------------

    List<CadenceCount> cadenceCounts(TeamId team, UserId only, LocalDate today);

    /** A member's sums over the period, and their logged and external seconds over a second range. */
    record UserTotals(DayTotals period, long capacityLoggedSeconds, long capacityExternalSeconds) {
    }

    /**
     * user_day summed per user over the period and, in the same scan, over a second range (the plans'
     * capacity window; null for none). Meant for overlapping ranges: the scan covers both.
     */
    List<UserTotals> userTotals(TeamId team, UserId only, LocalDate from, LocalDate to, LocalDate otherFrom,
                                LocalDate otherTo);

    /** user_day summed per day over the range; one member's when only is not null. */
    List<DayTotals> dayTotals(TeamId team, UserId only, LocalDate from, LocalDate to);

    List<KindCount> honeymoonFlags(TeamId team, UserId only);

    /** The owner's overdue clients, most overdue first (overdue_after, then id). */
    Page<CadenceRow> overdue(TeamId team, UserId owner, ClientKind kind, LocalDate today, String cursor, int limit);
}
