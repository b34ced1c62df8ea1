package dev.rapport.attention;

import java.time.LocalDate;

/**
 * Where a client's main cadence stands as local dates: due from dueOn (today >= dueOn), overdue
 * after overdueAfter (today > overdueAfter; on that day it is only due). dueOn <= overdueAfter.
 */
public record CadenceWindow(LocalDate dueOn, LocalDate overdueAfter) {

    public boolean overdue(LocalDate today) {
        return today.isAfter(overdueAfter);
    }

    /** Due but not (yet) overdue. */
    public boolean dueOnly(LocalDate today) {
        return !today.isBefore(dueOn) && !overdue(today);
    }
}
