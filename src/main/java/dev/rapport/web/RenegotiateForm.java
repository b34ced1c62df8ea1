package dev.rapport.web;

import java.time.LocalDate;

import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.Problems;

/** A new due date agreed with the client, and why. */
record RenegotiateForm(String dueOn, String reason) {

    LocalDate due() {
        Problems problems = new Problems();
        LocalDate date = Forms.optionalDate(dueOn, "dueOn", problems);
        problems.check(!Forms.blank(dueOn), "dueOn", "choose the new date");
        problems.throwIfAny();
        return date;
    }

    static FieldProblem toFormField(FieldProblem p) {
        return switch (p.field()) {
            case "dueOn", "reason" -> p;
            default -> new FieldProblem(null, p.field() + " " + p.reason());
        };
    }
}
