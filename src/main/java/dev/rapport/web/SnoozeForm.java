package dev.rapport.web;

import java.time.LocalDate;

import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.Problems;

/** Snooze a queue entry until a date, with a reason. */
record SnoozeForm(String until, String reason) {

    /** A week is the usual "not now": the person is away, or waiting on something. */
    static SnoozeForm blank(LocalDate today) {
        return new SnoozeForm(today.plusDays(7).toString(), "");
    }

    LocalDate untilDate() {
        Problems problems = new Problems();
        LocalDate date = Forms.optionalDate(until, "until", problems);
        problems.check(date != null || !Forms.blank(until), "until", "choose a date");
        problems.throwIfAny();
        return date;
    }

    static FieldProblem toFormField(FieldProblem p) {
        return switch (p.field()) {
            case "until", "reason" -> p;
            default -> new FieldProblem(null, p.field() + " " + p.reason());
        };
    }
}
