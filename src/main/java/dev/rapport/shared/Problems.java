package dev.rapport.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Collects field problems so a request reports all of them at once, then throws if any. */
public final class Problems {
    private final List<FieldProblem> problems = new ArrayList<>();

    public Problems check(boolean ok, String field, String reason) {
        if (!ok) {
            problems.add(new FieldProblem(field, reason));
        }
        return this;
    }

    /**
     * Business dates live between 1900 and 2999: ISO parsing accepts years up to ±999,999,999, which
     * a database stores (or not) but date arithmetic on a page then overflows. Null passes.
     */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    public Problems checkDate(LocalDate date, String field) {
        return check(plausible(date), field, "must be a date from " + EARLIEST + " to " + LATEST);
    }

    public static boolean plausible(LocalDate date) {
        return date == null || !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** Throws the field problem at once for an implausible date (see {@link #checkDate}). */
    public static LocalDate requirePlausible(LocalDate date, String field) {
        new Problems().checkDate(date, field).throwIfAny();
        return date;
    }

    public Problems add(String field, String reason) {
        problems.add(new FieldProblem(field, reason));
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
