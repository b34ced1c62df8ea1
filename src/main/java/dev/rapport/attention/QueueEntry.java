package dev.rapport.attention;

import java.time.LocalDate;
import java.util.List;

import dev.rapport.shared.ClientId;

/**
 * One client that needs attention today. lastTouchOn is null for a never-touched client;
 * overdueDays is 0 unless past the maximum gap.
 */
public record QueueEntry(
        ClientId clientId,
        String name,
        String tier,
        int tierRank,
        LocalDate lastTouchOn,
        Long daysSinceTouch,
        LocalDate dueOn,
        int overdueDays,
        int score,
        List<Reason> reasons) {

    public QueueEntry {
        reasons = List.copyOf(reasons);
    }

    public boolean has(ReasonCode code) {
        return reasons.stream().anyMatch(r -> r.code() == code);
    }
}
