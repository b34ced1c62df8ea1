package dev.rapport.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import dev.rapport.shared.UserId;
import dev.rapport.teams.Role;

/**
 * The manager dashboard over a period of local days: per member and for the team, time shares,
 * touches and late signals in the period, clients due and overdue today, honeymoon flags, the
 * promise kept rate and plan sustainability; the late rate of each calendar month the period touches;
 * external and internal customers apart; and the team's trend by ISO week. wholeTeam is false when
 * the viewer (a member or viewer) sees only their own row.
 */
public record Dashboard(LocalDate from, LocalDate to, LocalDate today, boolean wholeTeam, List<MemberRow> members,
                        Figures team, List<LateRate> teamLateRates, List<Week> weeks) {

    public Dashboard {
        members = List.copyOf(members);
        teamLateRates = List.copyOf(teamLateRates);
        weeks = List.copyOf(weeks);
    }

    /**
     * The late rate of one calendar month (PRODUCT.md): inbound update requests / clients served (with a
     * real touch that month), for a member, or for the team as the members' sums (a client two members
     * served counts for each). External and internal customers apart; the rate counts both.
     */
    public record LateRate(YearMonth month, int servedExternal, int servedInternal, int lateExternal,
                           int lateInternal) {
        static LateRate none(YearMonth month) {
            return new LateRate(month, 0, 0, 0, 0);
        }

        public int served() {
            return servedExternal + servedInternal;
        }

        public int updateRequests() {
            return lateExternal + lateInternal;
        }

        /**
         * Update requests per client served, in percent (above 100 when clients asked more than once);
         * null when none was served.
         */
        public Double rate() {
            return served() == 0 ? null : 100.0 * updateRequests() / served();
        }

        LateRate plus(LateRate o) {
            return new LateRate(month, servedExternal + o.servedExternal, servedInternal + o.servedInternal,
                    lateExternal + o.lateExternal, lateInternal + o.lateInternal);
        }
    }

    /** What happened with clients of one kind: touches and late signals in the period, standing today. */
    public record ClientFigures(int touches, int lateSignals, int overdue, int due, int honeymoonFlags) {
        public static final ClientFigures NONE = new ClientFigures(0, 0, 0, 0, 0);

        ClientFigures plus(ClientFigures o) {
            return new ClientFigures(touches + o.touches, lateSignals + o.lateSignals, overdue + o.overdue,
                    due + o.due, honeymoonFlags + o.honeymoonFlags);
        }
    }

    /**
     * One member's (or the team's) figures. Time and promises cover the period; due, overdue,
     * honeymoon flags and plan load are as of today.
     */
    public record Figures(long loggedSeconds, long externalSeconds, long contributesSeconds, ClientFigures external,
                          ClientFigures internal, long promisesKept, long promisesBroken, double requiredHours,
                          double capacityHours) {
        public static final Figures NONE = new Figures(0, 0, 0, ClientFigures.NONE, ClientFigures.NONE, 0, 0, 0, 0);

        /** External-connection time / logged time, in percent; null when nothing was logged. */
        public Double customerFacingShare() {
            return share(externalSeconds, loggedSeconds);
        }

        /** Time that contributes to customer needs / logged time, in percent; null when nothing was logged. */
        public Double contributesShare() {
            return share(contributesSeconds, loggedSeconds);
        }

        /** kept / (kept + broken) in percent; null when no promise was due in the period. */
        public Double keptRate() {
            return share(promisesKept, promisesKept + promisesBroken);
        }

        /** Required plan hours / client-facing capacity; null when plans need time and there is no capacity. */
        public Double sustainabilityRatio() {
            if (capacityHours > 0) {
                return requiredHours / capacityHours;
            }
            return requiredHours == 0 ? 0.0 : null;
        }

        public ClientFigures clients() {
            return external.plus(internal);
        }

        Figures plus(Figures o) {
            return new Figures(loggedSeconds + o.loggedSeconds, externalSeconds + o.externalSeconds,
                    contributesSeconds + o.contributesSeconds, external.plus(o.external), internal.plus(o.internal),
                    promisesKept + o.promisesKept, promisesBroken + o.promisesBroken, requiredHours + o.requiredHours,
                    capacityHours + o.capacityHours);
        }
    }

    /**
     * capacitySource: measured (journal, last 8 weeks), declared, or none. lateRates: each calendar
     * month the period touches, whole (the rate is a month's).
     */
    public record MemberRow(UserId userId, String name, String email, Role role, Figures figures,
                            String capacitySource, List<LateRate> lateRates) {
        public MemberRow {
            lateRates = List.copyOf(lateRates);
        }
    }

    /** Touches and late signals with clients of one kind. */
    public record Activity(int touches, int lateSignals) {
    }

    /** One ISO week of the period (the first and last may be partial: from..to). */
    public record Week(LocalDate monday, LocalDate from, LocalDate to, long loggedSeconds, long externalSeconds,
                       long contributesSeconds, Activity external, Activity internal, long promisesKept,
                       long promisesBroken) {

        public Double customerFacingShare() {
            return share(externalSeconds, loggedSeconds);
        }

        public Double contributesShare() {
            return share(contributesSeconds, loggedSeconds);
        }

        public Double keptRate() {
            return share(promisesKept, promisesKept + promisesBroken);
        }
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }
}
