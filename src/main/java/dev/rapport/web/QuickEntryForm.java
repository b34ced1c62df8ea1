package dev.rapport.web;

import java.time.LocalDate;

import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.Problems;

/**
 * The journal's quick entry: one line in the CLI's grammar ("30m email", "09:00-09:45 call ACME
 * review @acme"), the day it belongs to, and whether an overlap may be cut out of older entries.
 */
record QuickEntryForm(String text, String date, String split) {

    static QuickEntryForm blank(LocalDate day) {
        return new QuickEntryForm("", day.toString(), null);
    }

    /** Public: the template asks it. */
    public boolean splitting() {
        return "true".equals(split);
    }

    /** The chosen day; blank means today. */
    LocalDate day() {
        Problems problems = new Problems();
        LocalDate day = Forms.optionalDate(date, "date", problems);
        problems.throwIfAny();
        return day;
    }

    /** The service's field names onto this form's: everything typed in the line belongs to the line. */
    static FieldProblem toFormField(FieldProblem p) {
        return switch (p.field()) {
            case "text", "date" -> p;
            case "category", "clientId", "minutes", "end", "note", "tags" -> new FieldProblem("text", p.reason());
            case "day", "start" -> new FieldProblem("date", p.reason());
            default -> new FieldProblem(null, p.field() + " " + p.reason());
        };
    }
}
