package dev.rapport.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rapport.attention.TierCadence;
import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Problems;

/** The tier cadence table: one row per tier, a spare row to add one, a checkbox to remove one. */
record CadencesForm(List<Row> tiers) {
    private static final Pattern INDEXED = Pattern.compile("^tiers\\[(\\d+)](\\..+)?$");

    record Row(String tier, String rank, String idealDays, String maxDays, String richEveryDays, String remove) {
        public boolean blank() {
            return Forms.blank(tier) && Forms.blank(rank) && Forms.blank(idealDays) && Forms.blank(maxDays)
                    && Forms.blank(richEveryDays);
        }

        public boolean removed() {
            return !Forms.blank(remove);
        }

        static Row of(TierCadence c) {
            return new Row(c.tier(), Integer.toString(c.rank()), Integer.toString(c.idealDays()),
                    Integer.toString(c.maxDays()), c.richEveryDays() == null ? "" : c.richEveryDays().toString(), null);
        }
    }

    CadencesForm {
        tiers = tiers == null ? List.of() : tiers.stream()
                .map(r -> r == null ? new Row(null, null, null, null, null, null) : r).toList();
    }

    static CadencesForm of(List<TierCadence> cadences) {
        return new CadencesForm(cadences.stream().map(Row::of).toList()).withSpareRow();
    }

    CadencesForm withSpareRow() {
        if (!tiers.isEmpty() && tiers.get(tiers.size() - 1).blank()) {
            return this;
        }
        List<Row> rows = new ArrayList<>(tiers);
        rows.add(new Row("", "", "", "", "", null));
        return new CadencesForm(rows);
    }

    /** The rows that are kept, in order; blank rank falls back to the position (first row ranks highest). */
    List<TierCadence> toCadences() {
        List<Integer> kept = keptRows();
        Problems problems = new Problems();
        List<TierCadence> out = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            int i = kept.get(k);
            Row r = tiers.get(i);
            String at = "tiers[" + i + "].";
            Integer rank = Forms.optionalInt(r.rank(), at + "rank", problems);
            Integer ideal = Forms.optionalInt(r.idealDays(), at + "idealDays", problems);
            Integer max = Forms.optionalInt(r.maxDays(), at + "maxDays", problems);
            Integer rich = Forms.optionalInt(r.richEveryDays(), at + "richEveryDays", problems);
            problems.check(!Forms.blank(r.idealDays()), at + "idealDays", "is required")
                    .check(!Forms.blank(r.maxDays()), at + "maxDays", "is required");
            if (ideal != null && max != null) {
                out.add(new TierCadence(r.tier() == null ? null : r.tier().strip(),
                        rank != null ? rank : kept.size() - k, ideal, max, rich));
            }
        }
        problems.throwIfAny();
        return out;
    }

    /** Maps the service's tiers[k] (k among kept rows) back onto the form's row index. */
    InvalidInputException onFormRows(InvalidInputException e) {
        List<Integer> kept = keptRows();
        return new InvalidInputException(e.problems().stream().map(p -> {
            Matcher m = INDEXED.matcher(p.field());
            if (m.matches() && m.group(2) != null) {
                int k = Integer.parseInt(m.group(1));
                int row = k < kept.size() ? kept.get(k) : k;
                return new FieldProblem("tiers[" + row + "]" + m.group(2), p.reason());
            }
            return p;
        }).toList());
    }

    static FieldProblem toFormField(FieldProblem p) {
        return INDEXED.matcher(p.field()).matches() && p.field().contains(".") ? p
                : new FieldProblem(null, (p.field().equals("tiers") ? "Tiers " : p.field() + " ") + p.reason());
    }

    private List<Integer> keptRows() {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            if (!tiers.get(i).removed() && !tiers.get(i).blank()) {
                kept.add(i);
            }
        }
        return kept;
    }
}
