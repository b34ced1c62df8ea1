package dev.rapport.attention;

import java.time.LocalDate;
import java.util.List;

/**
 * A client's standing on its cadence on one day: when it falls due, how many days overdue it is
 * (0 unless past the maximum gap), and the queue reasons that apply (empty when on track).
 */
public record CadenceStatus(LocalDate dueOn, int overdueDays, List<Reason> reasons) {

    public CadenceStatus {
        reasons = List.copyOf(reasons);
    }

    public boolean has(ReasonCode code) {
        return reasons.stream().anyMatch(r -> r.code() == code);
    }

    public boolean onTrack() {
        return reasons.isEmpty();
    }
}
