package dev.rapport.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rapport.plans.PlanService;
import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Problems;

/** The "new plan" form: a client, a name, objectives one per line and activity rows (blank rows ignored). */
record PlanForm(String clientId, String name, String objectives, List<Row> activities) {
    static final int MIN_ROWS = 3;
    private static final Pattern INDEXED = Pattern.compile("^activities\\[(\\d+)](\\..+)?$");

    record Row(String name, String frequency, String minutes, String channel) {
        public boolean blank() {
            return Forms.blank(name) && Forms.blank(frequency) && Forms.blank(minutes);
        }
    }

    PlanForm {
        activities = activities == null ? List.of() : activities.stream()
                .map(r -> r == null ? new Row(null, null, null, null) : r).toList();
    }

    static PlanForm blank() {
        return new PlanForm("", "", "", List.of()).withSpareRows();
    }

    /** At least three rows, and always one blank row to add another activity. */
    PlanForm withSpareRows() {
        List<Row> rows = new ArrayList<>(activities);
        while (rows.size() < MIN_ROWS || !rows.get(rows.size() - 1).blank()) {
            rows.add(new Row("", "", "", ""));
        }
        return new PlanForm(clientId, name, objectives, rows);
    }

    Long client() {
        Problems problems = new Problems();
        Long id = Forms.optionalLong(clientId, "clientId", problems);
        problems.check(!Forms.blank(clientId), "clientId", "choose a client");
        problems.throwIfAny();
        return id;
    }

    /** The non-blank rows as drafts; minutes that are not numbers are reported on the form's own row. */
    List<PlanService.ActivityDraft> drafts() {
        Problems problems = new Problems();
        List<PlanService.ActivityDraft> out = new ArrayList<>();
        for (int i : keptRows()) {
            Row r = activities.get(i);
            Integer minutes = Forms.optionalInt(r.minutes(), "activities[" + i + "].minutes", problems);
            problems.check(!Forms.blank(r.minutes()), "activities[" + i + "].minutes", "is required");
            out.add(new PlanService.ActivityDraft(Forms.blankToNull(r.name()), Forms.blankToNull(r.frequency()),
                    minutes, Forms.code(r.channel())));
        }
        problems.throwIfAny();
        return out;
    }

    List<String> objectiveLines() {
        return Forms.lines(objectives);
    }

    /** Maps the service's activities[k] (k among the non-blank rows) back onto the form's row index. */
    InvalidInputException onFormRows(InvalidInputException e) {
        List<Integer> kept = keptRows();
        return new InvalidInputException(e.problems().stream().map(p -> {
            Matcher m = INDEXED.matcher(p.field());
            if (m.matches() && m.group(2) != null) {
                int k = Integer.parseInt(m.group(1));
                return new FieldProblem("activities[" + (k < kept.size() ? kept.get(k) : k) + "]" + m.group(2),
                        p.reason());
            }
            return p;
        }).toList());
    }

    /** Row fields, name, client and the activity list stay next to their inputs; objectives[i] onto the box. */
    static FieldProblem toFormField(FieldProblem p) {
        if (p.field() == null) {
            return p;
        }
        if (p.field().startsWith("objectives")) {
            return new FieldProblem("objectives", p.reason());
        }
        if (p.field().equals("client")) {
            return new FieldProblem("clientId", p.reason());
        }
        return switch (p.field()) {
            case "name", "clientId", "activities", "startsOn" -> p;
            default -> INDEXED.matcher(p.field()).matches() ? p : new FieldProblem(null, p.field() + " " + p.reason());
        };
    }

    private List<Integer> keptRows() {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            if (!activities.get(i).blank()) {
                kept.add(i);
            }
        }
        return kept;
    }
}
