package dev.rapport.web;

import java.math.BigDecimal;

import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.Problems;

/** Start a deal with a client: a title, its value, and the milestone template it follows. */
record DealForm(String title, String amount, String templateId) {

    static DealForm blank(Long homeSale) {
        return new DealForm("", "", homeSale == null ? "" : homeSale.toString());
    }

    /** The value and template as the service takes them; every problem of the form at once. */
    record Parsed(BigDecimal value, Long templateId) {
    }

    Parsed parse() {
        Problems problems = new Problems();
        // the service says the same; checked here too so one answer lists every field
        problems.check(!Forms.blank(title), "title", "must be 1 to 200 characters");
        BigDecimal value = null;
        if (!Forms.blank(amount)) {
            try {
                value = new BigDecimal(amount.strip().replace(",", "").replace("_", "").replace(" ", ""));
            } catch (NumberFormatException e) {
                problems.add("amount", "must be a number such as 450000");
            }
        }
        // the column holds 13 digits before the point and 2 after
        BigDecimal plain = value == null ? null : value.stripTrailingZeros();
        if (plain != null && (plain.scale() > 2 || plain.precision() - plain.scale() > 13)) {
            problems.add("amount", "must have at most 13 digits before the point and 2 after");
        }
        Long template = Forms.optionalLong(templateId, "templateId", problems);
        problems.throwIfAny();
        return new Parsed(value, template);
    }

    static FieldProblem toFormField(FieldProblem p) {
        return switch (p.field()) {
            case "title", "amount", "templateId" -> p;
            default -> new FieldProblem(null, p.field() + " " + p.reason());
        };
    }
}
