package dev.rapport.dashboard;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import dev.rapport.clients.ClientKind;
import dev.rapport.clients.Touch;
import dev.rapport.dashboard.DashboardRepository.DayKey;
import dev.rapport.dashboard.DashboardRepository.RealTouch;

/**
 * Touches counted per user and local day exactly as the dashboard's user_day rollup counts them
 * (real touches only, by the client's kind, late signals apart), for a writer that already walks
 * every touch (a bulk load): {@link DashboardService#rebuild(dev.rapport.shared.TeamId, TouchDays)}
 * then need not read them all back.
 */
public final class TouchDays {
    private final ZoneId zone;
    private final Map<DayKey, int[]> counts = new HashMap<>();

    /** Counts into the days of this zone: the team's. */
    public TouchDays(ZoneId zone) {
        this.zone = zone;
    }

    /** Counts a touch on a client of this kind; an automated touch does not count. */
    public void add(Touch touch, ClientKind kind) {
        if (!touch.automated()) {
            add(new RealTouch(touch.userId(), touch.at(), touch.lateSignal(), kind));
        }
    }

    void add(RealTouch touch) {
        DashboardRollups.add(counts, touch, zone, 1);
    }

    ZoneId zone() {
        return zone;
    }

    /** {touchesExternal, touchesInternal, lateExternal, lateInternal} by user and day. */
    Map<DayKey, int[]> counts() {
        return counts;
    }
}
