package dev.rapport.exchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import dev.rapport.shared.FieldProblem;

/**
 * One contact as a file gives it, before matching: what vCard and CSV readers both produce. A record
 * with problems is rejected whole; {@code line} is where it starts in the file (1-based).
 */
record ContactRecord(long line, String externalId, String name, String organisation, List<String> emails,
                     List<String> phones, List<String> addresses, List<String> tags, String notes, String tier,
                     String status, boolean hadPhoto, List<FieldProblem> problems) {

    ContactRecord {
        name = blankToNull(name);
        organisation = blankToNull(organisation);
        externalId = blankToNull(externalId);
        notes = blankToNull(notes);
        tier = blankToNull(tier);
        status = blankToNull(status);
        emails = clean(emails);
        phones = clean(phones);
        addresses = clean(addresses);
        tags = clean(tags);
        problems = List.copyOf(problems);
    }

    static ContactRecord rejected(long line, String field, String reason) {
        return new ContactRecord(line, null, null, null, List.of(), List.of(), List.of(), List.of(), null, null, null,
                false, List.of(new FieldProblem(field, reason)));
    }

    /** The same record known by another external id. */
    ContactRecord withExternalId(String id) {
        return new ContactRecord(line, id, name, organisation, emails, phones, addresses, tags, notes, tier, status,
                hadPhoto, problems);
    }

    boolean valid() {
        return problems.isEmpty();
    }

    /** A mutable builder the readers fill field by field. */
    static final class Builder {
        private final long line;
        String externalId;
        String name;
        String organisation;
        final List<String> emails = new ArrayList<>();
        final List<String> phones = new ArrayList<>();
        final List<String> addresses = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        String tier;
        String status;
        boolean hadPhoto;
        final List<FieldProblem> problems = new ArrayList<>();

        Builder(long line) {
            this.line = line;
        }

        void problem(String field, String reason) {
            problems.add(new FieldProblem(field, reason));
        }

        ContactRecord build() {
            String note = notes.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct()
                    .reduce((a, b) -> a + "\n\n" + b).orElse(null);
            if (name == null || name.isBlank()) {
                name = organisation;
            }
            if ((name == null || name.isBlank()) && problems.isEmpty()) {
                problem("name", "missing: the record has no name and no organisation");
            }
            return new ContactRecord(line, externalId, name, organisation, emails, phones, addresses, tags, note, tier,
                    status, hadPhoto, problems);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> clean(List<String> values) {
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                kept.add(v.strip().replace('\u00A0', ' '));
            }
        }
        return List.copyOf(kept);
    }
}
