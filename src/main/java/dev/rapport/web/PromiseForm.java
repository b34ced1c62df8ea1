package dev.rapport.web;

import java.time.LocalDate;

import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.Problems;

/** A new promise to a client: what, and by when. */
record PromiseForm(String text, String dueOn) {

    static PromiseForm blank(LocalDate today) {
        return new PromiseForm("", today.plusDays(2).toString());
    }

    /** The due date; a blank text is reported with it, so one answer lists every field. */
    LocalDate due() {
        Problems problems = new Problems();
        problems.check(!Forms.blank(text), "text", "must say what you promised");
        LocalDate date = Forms.optionalDate(dueOn, "dueOn", problems);
        problems.check(!Forms.blank(dueOn), "dueOn", "choose a date");
        problems.throwIfAny();
        return date;
    }

    static FieldProblem toFormField(FieldProblem p) {
        return switch (p.field()) {
            case "text", "dueOn" -> p;
            case "madeOn" -> new FieldProblem("dueOn", p.reason());
            default -> new FieldProblem(null, p.field() + " " + p.reason());
        };
    }
}
