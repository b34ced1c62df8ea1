package dev.rapport.web;

import dev.rapport.shared.FieldProblem;

/** Start the journal timer for a category, with an optional note. */
record TimerForm(String category, String note) {

    static TimerForm blank() {
        return new TimerForm("client_interaction", "");
    }

    static FieldProblem toFormField(FieldProblem p) {
        return switch (p.field()) {
            case "category", "note" -> p;
            default -> new FieldProblem(null, p.field() + " " + p.reason());
        };
    }
}
