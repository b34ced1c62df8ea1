package dev.rapport.attention;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The honeymoon drop (seed 001): attention lavished while winning a client, then taken for granted.
 * Compares the weighted touch rate per 30 days in the 90 days before signing (S-90..S-1) with the
 * rate in days S+30..S+119; while that window is still open, the days elapsed so far.
 */
public final class Honeymoon {
    static final int BEFORE_DAYS = 90;
    static final int AFTER_START = 30;
    static final int AFTER_END = 119;
    static final double DROP = 0.5;

    private Honeymoon() {
    }

    /** A touch as the calculation sees it: its local day and its channel weight. */
    public record WeightedTouch(LocalDate day, int weight) {
    }

    /** Rates per 30 days; dropped when after / before < 0.5. */
    public record Rates(double before, double after, boolean dropped) {
    }

    /** Empty before S+30 and for clients never touched before signing: those are never flagged. */
    public static Optional<Rates> evaluate(LocalDate signedOn, LocalDate today, List<WeightedTouch> touches) {
        LocalDate afterStart = signedOn.plusDays(AFTER_START);
        if (today.isBefore(afterStart)) {
            return Optional.empty();
        }
        LocalDate beforeStart = signedOn.minusDays(BEFORE_DAYS);
        LocalDate afterEnd = signedOn.plusDays(AFTER_END);
        LocalDate afterLast = today.isBefore(afterEnd) ? today : afterEnd;
        long beforeWeight = 0;
        long afterWeight = 0;
        for (WeightedTouch t : touches) {
            if (!t.day().isBefore(beforeStart) && t.day().isBefore(signedOn)) {
                beforeWeight += t.weight();
            } else if (!t.day().isBefore(afterStart) && !t.day().isAfter(afterLast)) {
                afterWeight += t.weight();
            }
        }
        if (beforeWeight == 0) {
            return Optional.empty();
        }
        double before = beforeWeight * 30.0 / BEFORE_DAYS;
        double after = afterWeight * 30.0 / (DAYS.between(afterStart, afterLast) + 1);
        return Optional.of(new Rates(before, after, after / before < DROP));
    }

    /** The days whose signings are still being evaluated today (their after window is open). */
    public static LocalDate[] signedBetween(LocalDate today) {
        // one day past the window's end, so the final day is counted once it is over
        return new LocalDate[] {today.minusDays(AFTER_END + 1), today.minusDays(AFTER_START)};
    }
}
